package org.farmgate.logistics;

import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A van as an operator enters it. */
public record VehicleInput(@NotBlank @Size(max = 40) String name, @Size(max = 12) String plate,
		@NotNull @Min(1) @Max(50000) Integer capacityKg, @NotNull LocalTime shiftStart, @NotNull LocalTime shiftEnd) {
}
