package io.handbill.model;

import java.util.List;
import java.util.Objects;

/** Records hold immutable, non-null lists so that absent JSON arrays and empty ones mean the same. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
