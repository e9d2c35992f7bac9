package io.leasebridge.admin;

/** Which page of a list, newest first: {@code page} counts from 0, {@code size} items a page (at most 500). */
record Paging(int page, int size) {

    static final int MAX_SIZE = 500;

    static Paging of(int page, int size) {
        if (page < 0) {
            throw ApiProblem.badRequest("bad parameter", "page: " + page + " is below 0; pages count from 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiProblem.badRequest("bad parameter", "size: " + size + " is not between 1 and " + MAX_SIZE);
        }
        return new Paging(page, size);
    }

    long offset() {
        return (long) page * size;
    }
}
