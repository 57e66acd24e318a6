package org.chimerabench.api;

import java.util.Map;

/** Body of a 4xx answer about the request's fields: the sentence, and one message per wrong field. */
record FieldErrors(int status, String error, Map<String, String> fields) {
}
