package org.farmgate.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.farmgate.registry.Platform;

/**
 * The buyer paid: the amount, when ({@code paidAt}, the platform's time;
 * {@code occurredAt} is when Farmgate learnt it), where the goods go (province,
 * city-level and county-level codes as far as the address resolved) and the lines, for
 * the statistics.
 */
public record OrderPaid(UUID orderId, String platformOrderNo, UUID shopId, UUID organisationId, String countyCode,
		Platform platform, BigDecimal paidAmount, String provinceCode, String cityCode, String destinationCode,
		Instant paidAt, List<Line> lines, Instant occurredAt) {

	public OrderPaid {
		lines = (lines != null) ? List.copyOf(lines) : List.of();
	}

	/**
	 * A line as sold: our SKU when the line is matched (else null), quantity and amount.
	 */
	public record Line(UUID skuId, int quantity, BigDecimal amount) {
	}

}
