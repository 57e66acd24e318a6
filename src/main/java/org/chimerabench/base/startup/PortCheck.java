package org.chimerabench.base.startup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Whether the web server's port is free, asked before anything else starts: a port in use otherwise shows only after
 * the whole app has started (~10 s), and then among the web server's own errors. (Spring Boot's analysis of the
 * web server's failure still covers a port taken in between.)
 */
final class PortCheck {

    private PortCheck() {
    }

    /** @param address the address the server binds (null: all) */
    static void check(InetAddress address, int port) {
        if (port <= 0) {
            return; // 0: any free port
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as the web server binds: a port left in TIME_WAIT is free
            socket.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new StartupProblem("Port " + port + " is in use by another program (another Chimera Bench?).",
                    "Stop that program, or start this one on another port: --server.port=" + (port + 1)
                    + " (or the environment variable PORT).", e);
        }
    }
}
