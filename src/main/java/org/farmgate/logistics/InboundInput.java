package org.farmgate.logistics;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Goods coming back to a village (industrial goods for a village shop): which station
 * they go to, for whom, what, how heavy, and by when.
 */
public record InboundInput(@NotNull UUID stationId, @NotBlank @Size(max = 60) String receiver,
		@NotBlank @Size(max = 120) String description, @NotNull @Min(1) @Max(100000000) Integer weightGrams,
		@NotNull LocalDate dueDate) {
}
