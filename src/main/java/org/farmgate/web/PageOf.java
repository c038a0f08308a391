package org.farmgate.web;

import java.util.List;

/**
 * One page of a filtered list, for the list pages (rendered by {@code fragments/pager}):
 * the items, which page, how many pages and how many items in all.
 */
public record PageOf<T>(List<T> items, int page, int pages, int total) {

	public static final int SIZE = 20;

	public static <T> PageOf<T> of(List<T> all, int requested) {
		int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
		int page = Math.min(Math.max(0, requested), pages - 1);
		return new PageOf<>(all.subList(page * SIZE, Math.min(all.size(), (page + 1) * SIZE)), page, pages, all.size());
	}

}
