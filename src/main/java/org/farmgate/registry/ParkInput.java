package org.farmgate.registry;

/**
 * What registering an industrial park needs.
 */
public record ParkInput(String name, String location, Integer areaM2, String operator) {
}
