package org.farmgate.logistics.web;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.farmgate.logistics.StationInput;
import org.farmgate.logistics.StationKind;
import org.farmgate.logistics.StationView;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The station form. */
record StationForm(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,20}") String code, @NotNull StationKind kind,
		@NotBlank @Size(max = 60) String name, @Size(max = 200) String address,
		@NotNull @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
		@NotNull @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude, @NotNull LocalTime opens,
		@NotNull LocalTime closes, @Size(max = 40) String contactName,
		@Size(max = 20) @Pattern(regexp = "[0-9+ -]*") String contactPhone, List<UUID> villageIds) {

	static StationForm empty() {
		return new StationForm("", StationKind.VILLAGE_POINT, "", "", null, null, LocalTime.of(8, 0),
				LocalTime.of(18, 0), "", "", List.of());
	}

	static StationForm of(StationView station) {
		return new StationForm(station.code(), station.kind(), station.name(), station.address(), station.latitude(),
				station.longitude(), station.opens(), station.closes(), station.contactName(), station.contactPhone(),
				station.villages().stream().map(StationView.ServedVillage::id).toList());
	}

	StationInput toInput() {
		return new StationInput(this.code, this.kind, this.name, this.address, this.latitude, this.longitude,
				this.opens, this.closes, this.contactName, this.contactPhone, this.villageIds);
	}

}
