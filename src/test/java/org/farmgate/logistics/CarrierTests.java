package org.farmgate.logistics;

import org.farmgate.registry.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Carriers are found by any of the names people and files give them, and are named as
 * each marketplace's bulk-shipping file expects.
 */
class CarrierTests {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "SF, SF", "sf, SF", "shunfeng, SF", "ShunFeng, SF", "顺丰速运, SF", "' 顺丰 ', SF", "zhongtong, ZTO",
			"中通快递, ZTO", "yuantong, YTO", "圆通速递, YTO", "shentong, STO", "申通快递, STO", "yunda, YUNDA", "韵达快递, YUNDA",
			"ems, EMS", "中国邮政, EMS", "jd, JD", "京东物流, JD", "jtexpress, JT", "极兔速递, JT", "J&T, JT",
			"debangkuaidi, DEPPON", "德邦快递, DEPPON", "deppon, DEPPON" })
	void aCarrierIsFoundByItsEnumNameKuaidi100CodeOrChineseNameInAnyCase(String code, Carrier carrier) {
		assertThat(Carrier.fromCode(code)).contains(carrier);
	}

	@Test
	void anUnknownOrEmptyCodeIsNoCarrier() {
		assertThat(Carrier.fromCode("百世汇通")).isEmpty();
		assertThat(Carrier.fromCode("")).isEmpty();
		assertThat(Carrier.fromCode(null)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Carrier.class)
	void everyCarrierIsFoundBackFromEachOfItsNames(Carrier carrier) {
		assertThat(Carrier.fromCode(carrier.name())).contains(carrier);
		assertThat(Carrier.fromCode(carrier.kuaidi100Code())).contains(carrier);
		assertThat(Carrier.fromCode(carrier.chineseName())).contains(carrier);
		for (Platform platform : Platform.values()) {
			assertThat(Carrier.fromCode(carrier.nameFor(platform))).contains(carrier);
		}
	}

	@Test
	void marketplacesGetTheChineseNameAndOurOwnFilesTheKuaidi100Code() {
		assertThat(Carrier.SF.nameFor(Platform.TAOBAO)).isEqualTo("顺丰速运");
		assertThat(Carrier.ZTO.nameFor(Platform.PINDUODUO)).isEqualTo("中通快递");
		assertThat(Carrier.JT.nameFor(Platform.DOUYIN)).isEqualTo("极兔速递");
		assertThat(Carrier.JD.nameFor(Platform.JD)).isEqualTo("京东物流");
		assertThat(Carrier.DEPPON.nameFor(Platform.LOCAL)).isEqualTo("debangkuaidi");
		assertThat(Carrier.YUNDA.nameFor(Platform.SUNING)).isEqualTo("yunda");
	}

}
