package org.chimerabench.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.chimerabench.backup.BackupNotHereException;
import org.chimerabench.base.ApiProblem;
import org.chimerabench.base.JsonErrors;
import org.chimerabench.endpoint.EndpointInUseException;
import org.chimerabench.endpoint.EndpointUnavailableException;
import org.chimerabench.endpoint.EndpointValidationException;
import org.chimerabench.exchange.ImportException;
import org.chimerabench.security.UserValidationException;
import org.chimerabench.sweep.SweepStateException;
import org.chimerabench.sweep.SweepValidationException;
import org.chimerabench.notify.HookValidationException;
import org.chimerabench.tune.TuningValidationException;
import org.chimerabench.watch.WatchValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of a REST request — ours and Spring MVC's own rejections (type mismatch, missing parameter,
 * unreadable or non-strict JSON, 404, 405, 406, 413, 415, broken multipart) — into the one JSON error shape
 * {@link ApiProblem}, with a message that names the field or parameter and the rule. Unexpected failures are
 * logged and answered 500 without internals.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** The upload limit per file, as configured ({@code spring.servlet.multipart.max-file-size}). */
    static final String UPLOAD_LIMIT = "20 MB";

    @ExceptionHandler(SweepValidationException.class)
    ResponseEntity<Object> invalidSweep(SweepValidationException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.fieldErrors(), request);
    }

    @ExceptionHandler(TuningValidationException.class)
    ResponseEntity<Object> invalidTuning(TuningValidationException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.fieldErrors(), request);
    }

    @ExceptionHandler(WatchValidationException.class)
    ResponseEntity<Object> invalidWatch(WatchValidationException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.fieldErrors(), request);
    }

    @ExceptionHandler(HookValidationException.class)
    ResponseEntity<Object> invalidHook(HookValidationException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.fields(), request);
    }

    @ExceptionHandler(EndpointInUseException.class)
    ResponseEntity<Object> endpointInUse(EndpointInUseException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), e.fieldErrors(), request);
    }

    @ExceptionHandler(EndpointValidationException.class)
    ResponseEntity<Object> invalidEndpoint(EndpointValidationException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.fieldErrors(), request);
    }

    /** A user, token or share link that cannot be made as asked (one message per field). */
    @ExceptionHandler(UserValidationException.class)
    ResponseEntity<Object> invalidUserChange(UserValidationException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.fieldErrors(), request);
    }

    @ExceptionHandler(ImportException.class)
    ResponseEntity<Object> badImport(ImportException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), null, request);
    }

    @ExceptionHandler(SweepStateException.class)
    ResponseEntity<Object> conflict(SweepStateException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), null, request);
    }

    @ExceptionHandler(BackupNotHereException.class)
    ResponseEntity<Object> backupElsewhere(BackupNotHereException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), null, request);
    }

    @ExceptionHandler(EndpointUnavailableException.class)
    ResponseEntity<Object> endpointDown(EndpointUnavailableException e, HttpServletRequest request) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), null, request);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Object> status(ResponseStatusException e, HttpServletRequest request) {
        return problem(HttpStatus.valueOf(e.getStatusCode().value()), e.getReason(), null, request);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Object> notFound(NoSuchElementException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, capitalised(e.getMessage()), null, request);
    }

    /** A service's own role check ({@code @PreAuthorize}) refused the caller. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
        String message = e.getMessage() == null || e.getMessage().equals("Access Denied")
                ? "Your role may not do this: " + request.getMethod() + " " + request.getRequestURI() : e.getMessage();
        return problem(HttpStatus.FORBIDDEN, message, null, request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> brokenMultipart(MultipartException e, HttpServletRequest request) {
        if (e instanceof MaxUploadSizeExceededException) {
            return tooLarge(request);
        }
        return problem(HttpStatus.BAD_REQUEST, "The multipart body could not be read (missing boundary, or cut off):"
                + " send the files as multipart/form-data parts named 'files', or one file as the raw body", null,
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on the server; nothing was changed"
                + " by a failed request. The log has the details.", null, request);
    }

    /** Spring MVC's own rejections, each with a message a person can act on. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        HttpServletRequest servlet = ((ServletWebRequest) request).getRequest();
        if (e instanceof HttpMessageNotReadableException unreadable) {
            return unreadable(unreadable, servlet);
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return tooLarge(servlet);
        }
        HttpHeaders kept = new HttpHeaders();
        if (headers != null && headers.getAllow() != null && !headers.getAllow().isEmpty()) {
            kept.setAllow(headers.getAllow());
        }
        return problem(HttpStatus.valueOf(status.value()), describe(e, servlet), null, servlet, kept);
    }

    private static String describe(Exception e, HttpServletRequest request) {
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return "Parameter '" + mismatch.getName() + "' must be " + JsonErrors.expected(mismatch.getRequiredType()) + ", got '"
                    + JsonErrors.shorten(String.valueOf(mismatch.getValue())) + "'";
        }
        if (e instanceof TypeMismatchException mismatch) {
            return "A value must be " + JsonErrors.expected(mismatch.getRequiredType()) + ", got '"
                    + JsonErrors.shorten(String.valueOf(mismatch.getValue())) + "'";
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return "Parameter '" + missing.getParameterName() + "' is required";
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            return request.getMethod() + " is not allowed on " + request.getRequestURI() + (method.getSupportedMethods()
                    == null ? "" : "; allowed: " + String.join(", ", method.getSupportedMethods()));
        }
        if (e instanceof HttpMediaTypeNotSupportedException media) {
            return "Content-Type " + (media.getContentType() == null ? "(none)" : media.getContentType())
                    + " is not accepted here; send " + media.getSupportedMediaTypes().stream()
                    .map(MediaType::toString).collect(Collectors.joining(" or "));
        }
        if (e instanceof HttpMediaTypeNotAcceptableException media) {
            return "This resource cannot be sent as " + request.getHeader(HttpHeaders.ACCEPT) + "; accept "
                    + (media.getSupportedMediaTypes().isEmpty() ? "application/json" : media.getSupportedMediaTypes()
                    .stream().map(MediaType::toString).collect(Collectors.joining(" or ")));
        }
        if (e instanceof NoResourceFoundException) {
            return "There is no " + request.getRequestURI() + "; the API is described at /v3/api-docs";
        }
        return "The request was refused: " + e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2")
                .replace(" Exception", "").toLowerCase();
    }

    /** A body that is not JSON, or not the JSON this endpoint takes: say where and why, without class names. */
    private static ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        JsonErrors.Problem problem = e.getCause() == null && e.getMessage() != null
                && e.getMessage().startsWith("Required request body is missing")
                ? new JsonErrors.Problem("", "The body is empty; send a JSON object")
                : JsonErrors.describe(e.getCause() == null ? e : e.getCause());
        return problem(HttpStatus.BAD_REQUEST, problem.message(), problem.field().isEmpty() ? null
                : Map.of(problem.field(), problem.message()), request);
    }

    private static ResponseEntity<Object> tooLarge(HttpServletRequest request) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "The upload is over the size limit of " + UPLOAD_LIMIT
                + " per file (and per request body)", null, request);
    }

    private static String capitalised(String text) {
        return text == null || text.isEmpty() ? "Not found" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String message, Map<String, String> fields,
                                                  HttpServletRequest request) {
        return problem(status, message, fields, request, new HttpHeaders());
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String message, Map<String, String> fields,
                                                  HttpServletRequest request, HttpHeaders headers) {
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_JSON)
                .body(ApiProblem.of(status.value(), message, fields, request.getRequestURI()));
    }
}
