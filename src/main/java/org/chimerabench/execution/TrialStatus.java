package org.chimerabench.execution;

public enum TrialStatus {
    PENDING, RUNNING, DONE, FAILED
}
