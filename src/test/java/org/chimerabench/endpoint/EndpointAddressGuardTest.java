package org.chimerabench.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which URLs may become endpoints. A fake resolver stands in for DNS, so a name that points at a metadata address
 * is refused without any lookup on the network and without any connection.
 */
class EndpointAddressGuardTest {

    private final List<String> lookedUp = new ArrayList<>();
    private final HostResolver dns = host -> {
        lookedUp.add(host);
        Map<String, String> zone = Map.of("gpu-7.lan", "192.168.1.7", "rebound.example", "169.254.169.254",
                "v6-metadata.example", "fd00:ec2::254", "alibaba.example", "100.100.100.200");
        if (zone.containsKey(host)) {
            return new InetAddress[] {InetAddress.getByName(zone.get(host))};
        }
        if (host.matches("[0-9.:a-f]+")) {
            return new InetAddress[] {InetAddress.getByName(host)}; // a literal address: no lookup
        }
        throw new UnknownHostException(host);
    };
    private final EndpointAddressGuard guard = new EndpointAddressGuard(dns, false);

    @Test
    void whereOllamaRunsIsAllowed() {
        assertThat(guard.problem("http://127.0.0.1:11434")).isNull();
        assertThat(guard.problem("http://[::1]:11434")).isNull();
        assertThat(guard.problem("http://192.168.1.7:11434")).isNull();
        assertThat(guard.problem("http://10.0.0.12:11434")).isNull();
        assertThat(guard.problem("https://gpu-7.lan:11434/")).isNull();
    }

    @Test
    void metadataAndLinkLocalAreRefused() {
        assertThat(guard.problem("http://169.254.169.254/latest/meta-data/")).contains("link-local");
        assertThat(guard.problem("http://[fe80::1]:11434")).contains("link-local");
        assertThat(guard.problem("http://metadata.google.internal/computeMetadata/v1/"))
                .contains("cloud metadata service");
        assertThat(guard.problem("http://rebound.example:11434")).as("a name that resolves to metadata")
                .contains("resolves to 169.254.169.254").contains("link-local");
        assertThat(guard.problem("http://v6-metadata.example")).contains("cloud metadata address");
        assertThat(guard.problem("http://alibaba.example")).contains("cloud metadata address");
        assertThat(lookedUp).doesNotContain("metadata.google.internal");
    }

    @Test
    void anAdministratorCanAllowLinkLocal() {
        EndpointAddressGuard allowing = new EndpointAddressGuard(dns, true);
        assertThat(allowing.problem("http://169.254.10.20:11434")).isNull();
        assertThat(allowing.problem("http://rebound.example:11434")).isNull();
        assertThat(allowing.problem("http://0.0.0.0:11434")).as("still not a server address")
                .contains("not a server address");
    }

    @Test
    void otherSchemesCredentialsPortsAndUnknownHostsAreRefused() {
        assertThat(guard.problem("file:///etc/passwd")).isEqualTo("The URL must start with http:// or https://");
        assertThat(guard.problem("gopher://gpu-7.lan:70/_GET")).isEqualTo("The URL must start with http:// or https://");
        assertThat(guard.problem("http://user:pw@gpu-7.lan:11434")).isEqualTo(
                "The URL must not contain a user name or password");
        assertThat(guard.problem("http://gpu-7.lan:99999")).isEqualTo("The port must be between 1 and 65535, got 99999");
        assertThat(guard.problem("http://no-such-host.invalid:11434")).isEqualTo(
                "The host no-such-host.invalid does not resolve");
        assertThat(guard.problem("http://0.0.0.0:11434")).contains("not a server address");
    }
}
