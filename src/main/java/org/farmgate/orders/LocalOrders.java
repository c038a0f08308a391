package org.farmgate.orders;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.farmgate.catalog.InsufficientStockException;
import org.farmgate.catalog.ReservationInput;
import org.farmgate.catalog.StockManagement;
import org.farmgate.orders.channels.ChannelLine;
import org.farmgate.orders.channels.ChannelOrder;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopOwner;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders of the county's storefront: placed into the organisation's LOCAL shop like any
 * channel's (matched, resolved, in the inbox at once), with every line's stock reserved
 * before the order is taken — a checkout that cannot have its units is refused instead of
 * being held as oversold; paid later (an online payment arriving) or cancelled (a payment
 * that failed), giving the units back.
 */
@Service
public class LocalOrders {

	private final OrderIntake intake;

	private final OrderRepository orders;

	private final StockManagement stock;

	private final RegistryManagement registry;

	private final Clock clock;

	LocalOrders(OrderIntake intake, OrderRepository orders, StockManagement stock, RegistryManagement registry,
			Clock clock) {
		this.intake = intake;
		this.orders = orders;
		this.stock = stock;
		this.registry = registry;
		this.clock = clock;
	}

	/**
	 * Places the order in the shop (a LOCAL shop), in the caller's transaction.
	 * @throws InsufficientStockException when a line's units are not all available (the
	 * caller's transaction should roll back)
	 * @throws OrderException when the shop is not a LOCAL shop
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public OrderView place(UUID shopId, LocalOrder order) {
		ShopOwner shop = this.registry.ownerOf(shopId)
			.filter(owner -> owner.platform() == Platform.LOCAL && owner.active())
			.orElseThrow(OrderException::notFound);
		for (LocalOrder.Line line : order.lines()) {
			this.stock.reserve(new ReservationInput(line.skuId(), null, null, line.quantity(),
					Platform.LOCAL + ":" + order.orderNo() + ":" + line.lineKey()));
		}
		Instant now = this.clock.instant();
		BigDecimal goods = order.lines()
			.stream()
			.map(line -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal fee = (order.shippingFee() != null) ? order.shippingFee() : BigDecimal.ZERO;
		List<ChannelLine> lines = order.lines()
			.stream()
			.map(line -> new ChannelLine(line.lineKey(), org.farmgate.catalog.ListingMatch.FARMGATE_SKU_ITEM,
					line.skuId().toString(), line.merchantCode(), line.title(), line.quantity(), line.unitPrice(),
					line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()))))
			.toList();
		ChannelOrder channel = new ChannelOrder(Platform.LOCAL, order.orderNo(), 0, null, order.buyerMessage(), null,
				now, order.paid() ? now : null, null, null,
				order.paid() ? OrderStatus.PAID : OrderStatus.PENDING_PAYMENT, AfterSaleStatus.NONE, false, goods, fee,
				BigDecimal.ZERO, goods.add(fee), BigDecimal.ZERO, order.recipientName(), order.recipientPhone(),
				order.address(), lines);
		ShopContext context = new ShopContext(shop.shopId(), shop.organisationId(), shop.countyCode(), Platform.LOCAL);
		return this.intake.takeInCallersTransaction(context, channel, StatusChange.ChangeSource.API, "storefront")
			.toView();
	}

	/** The buyer paid online: the order moves to PAID (its units stay reserved). */
	@Transactional
	public boolean paid(UUID orderId, String sourceRef) {
		Order order = this.orders.findById(orderId).orElseThrow(OrderException::notFound);
		return this.intake.fulfil(order, OrderStatus.PAID, sourceRef);
	}

	/**
	 * The payment failed or was abandoned: the order is cancelled and its units given
	 * back.
	 */
	@Transactional
	public boolean cancel(UUID orderId, String sourceRef) {
		Order order = this.orders.findById(orderId).orElseThrow(OrderException::notFound);
		for (String lineKey : order.lines().keySet()) {
			this.stock.releaseOrderLine(order.organisationId(), OrderTaking.orderLineKey(order, lineKey));
		}
		return this.intake.fulfil(order, OrderStatus.CANCELLED, sourceRef);
	}

}
