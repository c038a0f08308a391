package org.farmgate.registry.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.EntrepreneurInput;
import org.farmgate.registry.EntrepreneurManagement;
import org.farmgate.registry.EntrepreneurView;
import org.farmgate.registry.RegistryException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The entrepreneurs API.
 */
@RestController
class EntrepreneurApiController {

	private final EntrepreneurManagement entrepreneurs;

	EntrepreneurApiController(EntrepreneurManagement entrepreneurs) {
		this.entrepreneurs = entrepreneurs;
	}

	@GetMapping("/api/v1/entrepreneurs")
	List<EntrepreneurView> entrepreneurs(@AuthenticationPrincipal SignedInUser user) {
		return this.entrepreneurs.entrepreneurs(user);
	}

	@GetMapping("/api/v1/entrepreneurs/{id}")
	EntrepreneurView entrepreneur(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return this.entrepreneurs.entrepreneur(user, id).orElseThrow(RegistryException::notFound);
	}

	@PostMapping("/api/v1/entrepreneurs")
	ResponseEntity<EntrepreneurView> register(@AuthenticationPrincipal SignedInUser user,
			@RequestBody EntrepreneurInput input) {
		EntrepreneurView created = this.entrepreneurs.register(user, input);
		return ResponseEntity.created(URI.create("/api/v1/entrepreneurs/" + created.id())).body(created);
	}

	@PutMapping("/api/v1/entrepreneurs/{id}")
	EntrepreneurView update(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestBody EntrepreneurInput input) {
		return this.entrepreneurs.update(user, id, input);
	}

}
