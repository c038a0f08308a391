package org.farmgate.logistics;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an operator says about a station: its short code (used in distance matrices and on
 * route sheets), level, name, address, WGS-84 coordinates, opening hours, contact and the
 * villages it serves.
 */
public record StationInput(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,20}") String code, @NotNull StationKind kind,
		@NotBlank @Size(max = 60) String name, @Size(max = 200) String address,
		@NotNull @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
		@NotNull @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude, @NotNull LocalTime opens,
		@NotNull LocalTime closes, @Size(max = 40) String contactName,
		@Size(max = 20) @Pattern(regexp = "[0-9+ -]*") String contactPhone, List<UUID> villageIds) {

	public StationInput {
		villageIds = (villageIds != null) ? List.copyOf(villageIds) : List.of();
	}

}
