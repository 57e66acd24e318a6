package org.chimerabench.api;

import org.chimerabench.endpoint.EndpointUnavailableException;
import org.chimerabench.exchange.ImportException;
import org.chimerabench.security.UserValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;

/** Turns failures of the REST API into JSON {@code {"status":…, "error":"…"}} with a clear message. */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

    @ExceptionHandler(ImportException.class)
    ResponseEntity<ApiError> badImport(ImportException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return error(HttpStatus.BAD_REQUEST, "the upload is over the size limit of 20 MB per file");
    }

    /** A user, token or share link that cannot be made as asked (one message per field). */
    @ExceptionHandler(UserValidationException.class)
    ResponseEntity<FieldErrors> invalidUserChange(UserValidationException e) {
        return ResponseEntity.badRequest().body(new FieldErrors(400, e.getMessage(), e.fieldErrors()));
    }

    @ExceptionHandler(EndpointUnavailableException.class)
    ResponseEntity<ApiError> endpointDown(EndpointUnavailableException e) {
        return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ApiError> status(ResponseStatusException e) {
        return error(HttpStatus.valueOf(e.getStatusCode().value()), e.getReason());
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), message));
    }
}
