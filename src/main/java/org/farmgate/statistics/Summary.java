package org.farmgate.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The headline figures of an area over a period, by the definitions of DOMAIN.md: sales
 * are paid orders minus refunds (cancelled and unpaid orders never count), gross beside
 * net; year on year against the same days a year before ({@code null} when there was
 * nothing then); reach counts mainland units, with Hong Kong, Macao and Taiwan apart;
 * conversion is the share of the period's trainees who opened an active shop within six
 * months of their first session, among those whose six months are over or who opened one
 * ({@code null} when there are none).
 */
public record Summary(String area, LocalDate from, LocalDate to, BigDecimal salesNet, BigDecimal salesGross,
		BigDecimal refunds, long orders, BigDecimal salesNetYearToDate, BigDecimal salesGrossYearToDate,
		BigDecimal salesNetToDate, BigDecimal salesGrossToDate, BigDecimal salesNetYearBefore, BigDecimal yoyGrowth,
		int shops, int activeShops, int productTypes, int entrepreneurs, int provincesReached, int citiesReached,
		int countiesReached, int hongKongMacaoTaiwanReached, long ordersUnresolved, int villagesWithSales,
		int farmersIncomeIncreased, int disadvantagedFarmersIncomeIncreased, int villagesBenefiting,
		int trainingPersonTimes, int trainees, int traineesConverted, BigDecimal trainingConversion, int parks,
		int parkHostedEnterprises, int parkAffiliatedEnterprises) {
}
