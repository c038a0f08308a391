package org.farmgate.income;

/** Whether a farmer has been paid for a purchase (已付) or is still owed (赊欠). */
public enum Payment {

	PAID, OWED

}
