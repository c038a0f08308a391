package org.farmgate.orders;

import java.util.List;

/**
 * One page of orders, which page, how many pages and how many orders match in all.
 */
public record OrderPage(List<OrderView> items, int page, int pages, int total) {
}
