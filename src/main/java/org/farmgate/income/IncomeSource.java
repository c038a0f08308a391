package org.farmgate.income;

/** Where income linked to the platform comes from. */
public enum IncomeSource {

	PROCUREMENT, WAGES, DIVIDENDS

}
