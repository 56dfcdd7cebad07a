package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckResult;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Email syntax (RFC 5321/5322 dot-atom addresses) and domain sanity, without any network lookup. */
public final class EmailVerifier {

    public static final String SYNTAX = "contact.email.syntax";
    public static final String DOMAIN = "contact.email.domain";

    private static final Pattern DOT_ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    /** Names reserved so they never reach a real mailbox (RFC 2606, RFC 6761, RFC 7686, ICANN's .internal). */
    private static final Set<String> RESERVED_TOP_LEVEL = Set.of("test", "example", "invalid", "localhost", "local",
            "onion", "internal", "arpa");
    private static final Set<String> RESERVED_DOMAINS = Set.of("example.com", "example.net", "example.org");

    private EmailVerifier() {
    }

    public static EmailVerification verify(String email) {
        if (email == null || email.isBlank()) {
            CheckResult none = CheckResult.notApplicable(SYNTAX, "no email address given");
            return new EmailVerification(none, CheckResult.notApplicable(DOMAIN, "no email address given"), Optional.empty());
        }
        String address = email.strip();
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return syntaxFailure("no local part and domain around an '@'");
        }
        String local = address.substring(0, at);
        Optional<String> asciiDomain = toAscii(address.substring(at + 1));
        Optional<String> syntaxProblem = asciiDomain.isEmpty() ? Optional.of("the domain is not a valid (internationalised) name")
                : syntaxProblem(local, asciiDomain.get());
        if (syntaxProblem.isPresent()) {
            return syntaxFailure(syntaxProblem.get());
        }
        String domain = asciiDomain.get();
        return new EmailVerification(CheckResult.pass(SYNTAX, "well-formed address at " + domain),
                domainCheck(domain), Optional.of(local + "@" + domain));
    }

    private static Optional<String> syntaxProblem(String local, String domain) {
        if (local.length() > 64) {
            return Optional.of("the local part is longer than 64 characters");
        }
        if (!DOT_ATOM.matcher(local).matches()) {
            return Optional.of("the local part is not a dot-atom (quoted or unusual local parts are refused)");
        }
        if (domain.length() > 253 || local.length() + 1 + domain.length() > 254) {
            return Optional.of("the address is longer than 254 characters");
        }
        List<String> labels = List.of(domain.split("\\.", -1));
        if (labels.size() < 2) {
            return Optional.of("the domain " + domain + " has no top-level domain");
        }
        if (!labels.stream().allMatch(label -> LABEL.matcher(label).matches())) {
            return Optional.of("the domain " + domain + " has an empty or malformed label");
        }
        if (!TOP_LEVEL.matcher(labels.get(labels.size() - 1)).matches()) {
            return Optional.of("the top-level domain of " + domain + " is not alphabetic (IP addresses are refused)");
        }
        return Optional.empty();
    }

    private static CheckResult domainCheck(String domain) {
        String topLevel = domain.substring(domain.lastIndexOf('.') + 1);
        boolean reserved = RESERVED_TOP_LEVEL.contains(topLevel)
                || RESERVED_DOMAINS.stream().anyMatch(r -> domain.equals(r) || domain.endsWith("." + r));
        return reserved
                ? CheckResult.fail(DOMAIN, domain + " is a reserved name that cannot receive mail")
                : CheckResult.pass(DOMAIN, domain + " is a public domain name (not resolved: no network lookup)");
    }

    private static Optional<String> toAscii(String domain) {
        try {
            return Optional.of(IDN.toASCII(domain, 0).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notADomain) {
            return Optional.empty();
        }
    }

    private static EmailVerification syntaxFailure(String why) {
        return new EmailVerification(CheckResult.fail(SYNTAX, why),
                CheckResult.notApplicable(DOMAIN, "not checked: the address is malformed"), Optional.empty());
    }
}
