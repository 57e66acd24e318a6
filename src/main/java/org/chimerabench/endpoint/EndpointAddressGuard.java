package org.chimerabench.endpoint;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which URLs the server may connect to as an endpoint. An endpoint URL is {@code http} or {@code https}, with a
 * host that resolves, a port in 1–65535, and no user name or password in it. Link-local addresses (169.254.0.0/16,
 * fe80::/10 — where clouds serve instance metadata and credentials) and the cloud metadata names and addresses
 * are refused unless {@code chimera.endpoints.allow-link-local=true}. Loopback and private LAN addresses stay
 * allowed: that is where Ollama runs. The check runs when an endpoint is registered or edited and again before
 * every status check (a name that later resolves elsewhere is caught then).
 */
@Component
public class EndpointAddressGuard {

    /** Instance-metadata host names of the common clouds. */
    static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog", "metadata",
            "metadata.azure.internal", "instance-data", "instance-data.ec2.internal", "metadata.tencentyun.com");
    /** Metadata addresses outside 169.254.0.0/16: Alibaba Cloud, AWS over IPv6. */
    static final Set<String> METADATA_ADDRESSES = Set.of("100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

    private final HostResolver resolver;
    private final boolean allowLinkLocal;

    @Autowired
    EndpointAddressGuard(ObjectProvider<HostResolver> resolver,
                         @Value("${chimera.endpoints.allow-link-local:false}") boolean allowLinkLocal) {
        this(resolver.getIfAvailable(() -> HostResolver.SYSTEM), allowLinkLocal);
    }

    EndpointAddressGuard(HostResolver resolver, boolean allowLinkLocal) {
        this.resolver = resolver;
        this.allowLinkLocal = allowLinkLocal;
    }

    /** The problem with the URL in words, or null when the server may connect to it. */
    public String problem(String url) {
        String shape = EndpointUrls.problem(url);
        if (shape != null) {
            return shape;
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return "Not a valid URL: " + e.getReason();
        }
        if (uri.getRawUserInfo() != null) {
            return "The URL must not contain a user name or password";
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65_535)) {
            return "The port must be between 1 and 65535, got " + uri.getPort();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!allowLinkLocal && METADATA_HOSTS.contains(host)) {
            return "The host " + host + " is a cloud metadata service; an endpoint cannot point there";
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return "The host " + host + " does not resolve";
        }
        for (InetAddress address : addresses) {
            String refused = refused(address);
            if (refused != null) {
                return "The host " + host + " resolves to " + address.getHostAddress() + ", " + refused;
            }
        }
        return null;
    }

    private String refused(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return "which is not a server address";
        }
        if (allowLinkLocal) {
            return null;
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (where clouds serve instance metadata); an administrator can allow these"
                    + " with chimera.endpoints.allow-link-local=true";
        }
        String text = address instanceof Inet6Address ? address.getHostAddress().replaceAll("%.*$", "")
                : address.getHostAddress();
        if (METADATA_ADDRESSES.contains(text)) {
            return "a cloud metadata address; an endpoint cannot point there";
        }
        return null;
    }
}
