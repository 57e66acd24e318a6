package org.chimerabench.endpoint;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host name to its addresses (the system's DNS by default; tests give their own). */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
