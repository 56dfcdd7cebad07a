package io.tenantgate.suite;

import io.tenantgate.screening.engine.eval.EvalMain;
import io.tenantgate.suite.simulation.DecisionSimulationCommand;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Entry point of {@code ./tenantgate}. */
public final class TenantgateCommand {

    private static final String HELP = """
            Usage: ./tenantgate COMMAND [options]

            Commands:
              up      start the whole suite (PostgreSQL, Keycloak, the three services) and keep it running
                      until Ctrl-C, which stops everything it started
              demo    run the main CIP flows against the suite started by up (same options), printing what
                      happened; exits 1 when a flow did not end as expected
              eval pairs FILE.csv [--threshold T] [--part tune|report|all] [--show-errors]
                      score labelled name pairs (header with name1,name2,is_match) with the matching engine;
                      the last line is: precision=P recall=R f1=F threshold=T pairs=N. --part takes the
                      tuning or the report half (fixed, stratified by case_group and label)
              eval screen FILE.csv [--threshold T] [--out RESULT.tsv] [--part tune|report|all]
                      screen people (header with full_name; optional date_of_birth, nationality) against the
                      bundled lists; prints screened=N hits=H hit_rate=X threshold=T, then how many dates
                      and nationalities could not be read (screened as absent) and rows that failed
            """ + DecisionSimulationCommand.USAGE + """
              screen "NAME" [--country CC] [--dob YYYY-MM-DD] [--threshold T]
                      the top matches for one name, with their explanations
              help    show this text

            eval and screen run the engine in this process; no server is needed.

            """ + SuiteSettings.USAGE;

    private TenantgateCommand() {
    }

    public static void main(String[] args) {
        Path repo = Path.of(System.getProperty("tenantgate.repo", ".")).toAbsolutePath().normalize();
        String command = args.length == 0 ? "help" : args[0];
        List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        try {
            switch (command) {
                case "up" -> up(SuiteSettings.parse(repo, options));
                case "demo" -> demo(SuiteSettings.parse(repo, options));
                case "eval" -> {
                    if (!options.isEmpty() && options.get(0).equals("decisions")) {
                        DecisionSimulationCommand.main(options.subList(1, options.size()));
                    } else {
                        EvalMain.main(options.toArray(String[]::new));
                    }
                }
                case "screen" -> EvalMain.main(prepend("name", options));
                case "help", "--help", "-h" -> System.out.print(HELP);
                default -> fail("unknown command " + command + "\n\n" + HELP, 2);
            }
        } catch (TenantgateSuite.AlreadyRunningException e) {
            fail(e.getMessage(), 3);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage(), 2);
        } catch (RuntimeException e) {
            fail(command.equals("up") ? "TenantGate did not start: " + e.getMessage() : e.getMessage(), 1);
        }
    }

    private static void up(SuiteSettings settings) {
        System.out.println("Starting TenantGate from " + settings.repo() + " (state in " + settings.home() + ")");
        TenantgateSuite suite = TenantgateSuite.open(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before anything starts, so Ctrl-C at any moment stops whatever did start.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping TenantGate...");
            suite.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "tenantgate-shutdown"));
        suite.start();
        LocalWebhookReceiver provider = LocalWebhookReceiver.start(System.out);
        try {
            String identity = settings.serviceUrl(Service.IDENTITY, 0);
            String token = new Demo(settings, TenantgateSuite.demoSecrets(settings.home()), System.out)
                    .clientToken("onboarding-demo");
            LocalWebhookReceiver.removeLoopbackSubscriptions(identity, token);
            provider.subscribe(identity, token);
        } catch (Exception e) {
            provider.close();
            throw new IllegalStateException("the local webhook receiver could not subscribe: " + e.getMessage(), e);
        }
        System.out.println(Banner.ready(suite, provider.url()));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            provider.close();
        }
    }

    private static void demo(SuiteSettings settings) {
        System.out.println("Running the demo flows against TenantGate at " + settings.serviceUrl(Service.IDENTITY));
        List<Demo.Outcome> outcomes = new Demo(settings, TenantgateSuite.demoSecrets(settings.home()), System.out).run();
        if (outcomes.stream().anyMatch(outcome -> !outcome.asExpected())) {
            System.exit(1);
        }
    }

    private static String[] prepend(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(rest);
        return all.toArray(String[]::new);
    }

    private static void fail(String message, int code) {
        System.err.println(message);
        System.exit(code);
    }
}
