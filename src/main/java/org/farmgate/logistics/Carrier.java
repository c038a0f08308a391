package org.farmgate.logistics;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.farmgate.registry.Platform;

/**
 * The express carriers the county's sellers ship with: their Chinese name, their
 * Kuaidi100 company code (the tracking query interface most Chinese systems use) and the
 * name each marketplace's bulk-shipping file expects.
 */
public enum Carrier {

	/** 顺丰速运. */
	SF("顺丰速运", "shunfeng", "顺丰", "顺丰快递", "顺丰速递", "SF Express"),

	/** 中通快递. */
	ZTO("中通快递", "zhongtong", "中通", "中通速递", "ZTO Express"),

	/** 圆通速递. */
	YTO("圆通速递", "yuantong", "圆通", "圆通快递", "YTO Express"),

	/** 申通快递. */
	STO("申通快递", "shentong", "申通", "申通速递", "STO Express"),

	/** 韵达快递. */
	YUNDA("韵达快递", "yunda", "韵达", "韵达速递", "Yunda Express"),

	/** EMS, China Post's express service (中国邮政). */
	EMS("EMS", "ems", "中国邮政", "邮政EMS", "中国邮政EMS", "EMS快递", "China Post EMS"),

	/** 京东物流. */
	JD("京东物流", "jd", "京东", "京东快递", "京东配送", "JD Logistics"),

	/** 极兔速递 (J&amp;T Express). */
	JT("极兔速递", "jtexpress", "极兔", "极兔快递", "J&T", "J&T Express"),

	/** 德邦快递. */
	DEPPON("德邦快递", "debangkuaidi", "德邦", "德邦物流", "debangwuliu", "Deppon");

	private final String chineseName;

	private final String kuaidi100Code;

	private final List<String> aliases;

	Carrier(String chineseName, String kuaidi100Code, String... aliases) {
		this.chineseName = chineseName;
		this.kuaidi100Code = kuaidi100Code;
		this.aliases = List.of(aliases);
	}

	/** The carrier's name as shown in China, e.g. 顺丰速运. */
	public String chineseName() {
		return this.chineseName;
	}

	/** The Kuaidi100 company code, e.g. {@code shunfeng}. */
	public String kuaidi100Code() {
		return this.kuaidi100Code;
	}

	/**
	 * The carrier as a marketplace's bulk-shipping file names it: the Chinese company
	 * name for Taobao, Tmall, JD, Pinduoduo and Douyin (the names of their carrier
	 * lists); the Kuaidi100 code for the county's own storefront, Suning and other
	 * platforms, whose files Farmgate reads back itself.
	 */
	public String nameFor(Platform platform) {
		return switch (platform) {
			case TAOBAO, TMALL, JD, PINDUODUO, DOUYIN -> this.chineseName;
			case SUNING, LOCAL, OTHER -> this.kuaidi100Code;
		};
	}

	/**
	 * The carrier of a code as people and files write it: our enum name ({@code SF}), the
	 * Kuaidi100 code ({@code shunfeng}), the Chinese name (顺丰速运) or a common short or
	 * marketplace name (顺丰, 顺丰快递), in any case and with surrounding spaces.
	 */
	public static Optional<Carrier> fromCode(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		String text = code.strip();
		for (Carrier carrier : values()) {
			if (carrier.name().equalsIgnoreCase(text) || carrier.kuaidi100Code.equalsIgnoreCase(text)
					|| carrier.chineseName.equalsIgnoreCase(text)) {
				return Optional.of(carrier);
			}
		}
		String compact = text.replace(" ", "").toLowerCase(Locale.ROOT);
		for (Carrier carrier : values()) {
			for (String alias : carrier.aliases) {
				if (alias.replace(" ", "").toLowerCase(Locale.ROOT).equals(compact)) {
					return Optional.of(carrier);
				}
			}
		}
		return Optional.empty();
	}

}
