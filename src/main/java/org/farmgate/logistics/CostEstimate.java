package org.farmgate.logistics;

/**
 * What a parcel should cost with a carrier, in fen, and the weight it is charged for: its
 * volumetric weight when {@code volumetric}, else its actual weight.
 */
public record CostEstimate(Carrier carrier, long fen, int chargeableGrams, boolean volumetric) {

}
