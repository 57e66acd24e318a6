package org.chimerabench.notify;

/**
 * Who may still be told (a port: the security feature, which knows the users, implements it): a disabled or removed
 * user's subscriptions stay stored but send nothing.
 */
public interface Recipients {

    boolean mayReceive(String username);
}
