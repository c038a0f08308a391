package org.farmgate.geo;

/**
 * An address in separate fields, as Pinduoduo or Douyin export it: the fields decide, and
 * the detail text may only complete what they leave open, never overturn them.
 */
public record StructuredAddress(String province, String city, String district, String detail) {
}
