package io.tenantgate.identity.webhooks;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundAddressPolicyTest {

    private final OutboundAddressPolicy production = new OutboundAddressPolicy(false, false);

    @Test
    void internalAddressesAndPlainHttpAreRefusedInProduction() {
        for (String url : new String[] {"https://127.0.0.1/hook", "https://localhost/hook", "https://10.1.2.3/hook",
                "https://172.16.0.1/hook", "https://192.168.1.1/hook", "https://169.254.169.254/latest/meta-data",
                "https://[::1]/hook", "https://[fd00::1]/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook"}) {
            assertThat(production.refusal(URI.create(url))).as(url).get().asString().contains("internal address");
        }
        assertThat(production.refusal(URI.create("http://93.184.216.34/hook"))).contains("must be an https URL");
        assertThat(production.refusal(URI.create("https://user:pw@93.184.216.34/hook"))).contains("must not carry credentials");
        assertThat(production.refusal(URI.create("https://93.184.216.34/hook"))).isEmpty();
    }

    @Test
    void localDevelopmentMayAllowThem() {
        OutboundAddressPolicy local = new OutboundAddressPolicy(true, true);
        assertThat(local.refusal(URI.create("http://127.0.0.1:9000/hook"))).isEmpty();
        assertThat(local.refusal(URI.create("ftp://127.0.0.1/hook"))).contains("must be an http or https URL");
    }

    @Test
    void publicAddressesAreNotInternal() throws Exception {
        assertThat(OutboundAddressPolicy.isInternal(InetAddress.getByName("8.8.8.8"))).isFalse();
        assertThat(OutboundAddressPolicy.isInternal(InetAddress.getByName("2001:4860:4860::8888"))).isFalse();
    }
}
