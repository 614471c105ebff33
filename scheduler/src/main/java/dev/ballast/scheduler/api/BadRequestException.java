package dev.ballast.scheduler.api;

/** A request field with a bad value; answered with 400 naming the field. */
final class BadRequestException extends RuntimeException {
    private final String field;

    BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
