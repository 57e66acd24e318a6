package org.chimerabench.execution;

/** BASELINE = Ollama defaults (or a custom baseline); CHIMERA = the configuration's options plus fixed options. */
public enum Arm {
    BASELINE, CHIMERA
}
