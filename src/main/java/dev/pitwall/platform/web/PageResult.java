package dev.pitwall.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as every list endpoint returns it.
 *
 * @param content the rows of this page
 * @param page zero-based page number
 * @param size requested page size
 * @param totalElements rows across all pages
 * @param totalPages number of pages
 */
public record PageResult<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> PageResult<T> of(List<T> content, PageQuery query, long totalElements) {
        int totalPages = (int) ((totalElements + query.size() - 1) / query.size());
        return new PageResult<>(List.copyOf(content), query.page(), query.size(), totalElements, totalPages);
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(content.stream().map(mapper).toList(), page, size, totalElements, totalPages);
    }

    public boolean hasNext() {
        return page + 1 < totalPages;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    /** 1-based index of the first row of this page, for "showing 51–100 of 1,200". */
    public long firstRow() {
        return content.isEmpty() ? 0 : (long) page * size + 1;
    }

    public long lastRow() {
        return (long) page * size + content.size();
    }
}
