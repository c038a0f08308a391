/**
 * Orders: one inbox for every marketplace. So far: the unified lifecycle (status,
 * after-sale state, hold reasons) and the channel readers ({@code orders.channels}) that
 * turn Taobao/Tmall, JD, Pinduoduo and Douyin export files into orders of that lifecycle,
 * recognising the platform from the headers. Owns no tables yet; publishes and consumes
 * no events yet.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "accounts", "registry", "catalog", "geo", "uploads", "web" })
package org.farmgate.orders;
