package org.farmgate.income;

/** The grade a purchase was paid for: 特级, 一级, 二级, or 统货 (ungraded). */
public enum Grade {

	PREMIUM, FIRST, SECOND, UNGRADED

}
