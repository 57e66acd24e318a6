package org.chimerabench.api;

/** Body of every 4xx answer: one sentence a user understands. */
public record ApiError(int status, String error) {
}
