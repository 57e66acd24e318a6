package org.chimerabench.base.startup;

import org.springframework.boot.ExitCodeGenerator;

/**
 * Why the app cannot start, in words a user can act on: what is wrong and what to do. Reported as one log line
 * ({@link OneLineFailureReporter}), never as a stack trace; the process exits with {@link #EXIT_CODE}.
 */
public final class StartupProblem extends RuntimeException implements ExitCodeGenerator {

    /** The exit code of a start refused for a known reason (any other failure exits with 1 too). */
    public static final int EXIT_CODE = 1;

    private final String action;

    public StartupProblem(String what, String action) {
        this(what, action, null);
    }

    public StartupProblem(String what, String action, Throwable cause) {
        super(what, cause);
        this.action = action;
    }

    /** What is wrong, e.g. "Port 8080 is in use by another program." */
    public String what() {
        return getMessage();
    }

    /** What to do about it, e.g. "Stop that program, or start with --server.port=8081." */
    public String action() {
        return action;
    }

    @Override
    public int getExitCode() {
        return EXIT_CODE;
    }
}
