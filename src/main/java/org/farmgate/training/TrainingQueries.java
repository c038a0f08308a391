package org.farmgate.training;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.EntrepreneurManagement;
import org.farmgate.registry.EntrepreneurView;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopStatus;
import org.farmgate.registry.ShopView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The training centre's figures and groups: person-times, trainees and conversion for a
 * period (shops from the registry, through each trainee's entrepreneur), and the cohorts
 * with their members' progress.
 */
@Service
@Transactional
public class TrainingQueries {

	private final JdbcClient jdbc;

	private final TrainingScope scope;

	private final EntrepreneurManagement entrepreneurs;

	private final RegistryManagement registry;

	TrainingQueries(JdbcClient jdbc, TrainingScope scope, EntrepreneurManagement entrepreneurs,
			RegistryManagement registry) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.entrepreneurs = entrepreneurs;
		this.registry = registry;
	}

	public LocalDate today() {
		return this.scope.today();
	}

	/**
	 * Whether the user may see the conversion into shops: it reads the registry's
	 * entrepreneurs and shops, which a trainer does not.
	 */
	public static boolean seesShops(SignedInUser user) {
		return user.role() != org.farmgate.accounts.Role.TRAINER;
	}

	/**
	 * The county's figures for a period (days in the county's time, both ends included).
	 */
	@Transactional(readOnly = true)
	public TrainingFigures figures(SignedInUser user, LocalDate from, LocalDate to) {
		this.scope.requireReader(user);
		List<TrainingFigures.Attendance> attendances = this.jdbc.sql("""
				SELECT e.trainee_id, s.starts_at FROM training_enrolment e
				JOIN training_session s ON s.id = e.session_id
				WHERE e.county_code = ? AND e.checked_in_at IS NOT NULL AND s.starts_at < ?""")
			.params(user.scope().countyCode(), SessionManagement.instant(to.plusDays(1).atStartOfDay()))
			.query((rs, row) -> new TrainingFigures.Attendance(rs.getObject(1, UUID.class),
					SessionManagement.local(rs.getTimestamp(2)).toLocalDate()))
			.list();
		return TrainingFigures.of(from, to, attendances, shopsOfTrainees(user), this.scope.today());
	}

	/**
	 * The shops of the organisation each linked trainee's entrepreneur belongs to, from
	 * the registry (two queries, not one per trainee).
	 */
	private Map<UUID, List<TrainingFigures.ShopOpening>> shopsOfTrainees(SignedInUser user) {
		if (!seesShops(user)) {
			return Map.of();
		}
		Map<UUID, UUID> entrepreneurOf = new HashMap<>();
		this.jdbc.sql(
				"SELECT id, entrepreneur_id FROM training_trainee WHERE county_code = ? AND entrepreneur_id IS NOT NULL")
			.param(user.scope().countyCode())
			.query((rs, row) -> entrepreneurOf.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list();
		if (entrepreneurOf.isEmpty()) {
			return Map.of();
		}
		Map<UUID, UUID> organisationOf = new HashMap<>();
		for (EntrepreneurView entrepreneur : this.entrepreneurs.entrepreneurs(user)) {
			if (entrepreneur.organisationId() != null) {
				organisationOf.put(entrepreneur.id(), entrepreneur.organisationId());
			}
		}
		Map<UUID, List<TrainingFigures.ShopOpening>> shopsOf = new HashMap<>();
		for (ShopView shop : this.registry.shops(user)) {
			if (shop.openedOn() != null) {
				shopsOf.computeIfAbsent(shop.organisationId(), key -> new ArrayList<>())
					.add(new TrainingFigures.ShopOpening(shop.openedOn(), shop.status() == ShopStatus.ACTIVE));
			}
		}
		Map<UUID, List<TrainingFigures.ShopOpening>> byTrainee = new HashMap<>();
		entrepreneurOf.forEach((trainee, entrepreneur) -> {
			UUID organisation = organisationOf.get(entrepreneur);
			if (organisation != null) {
				byTrainee.put(trainee, shopsOf.getOrDefault(organisation, List.of()));
			}
		});
		return byTrainee;
	}

	@Transactional(readOnly = true)
	public List<CohortView> cohorts(SignedInUser user) {
		this.scope.requireReader(user);
		List<UUID> ids = this.jdbc.sql("SELECT id FROM training_cohort WHERE county_code = ? ORDER BY name")
			.param(user.scope().countyCode())
			.query(UUID.class)
			.list();
		// the figures (every attendance, the registry's shops) once for all the cohorts
		TrainingFigures figures = figures(user, LocalDate.of(2000, 1, 1), this.scope.today());
		List<CohortView> cohorts = new ArrayList<>();
		for (UUID id : ids) {
			cohort(user, id, figures).ifPresent(cohorts::add);
		}
		return cohorts;
	}

	/** A cohort with each member's progress. */
	@Transactional(readOnly = true)
	public Optional<CohortView> cohort(SignedInUser user, UUID id) {
		this.scope.requireReader(user);
		return cohort(user, id, figures(user, LocalDate.of(2000, 1, 1), this.scope.today()));
	}

	private Optional<CohortView> cohort(SignedInUser user, UUID id, TrainingFigures figures) {
		Optional<String[]> cohort = this.jdbc
			.sql("SELECT name, description FROM training_cohort WHERE id = ? AND county_code = ?")
			.params(id, user.scope().countyCode())
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
		if (cohort.isEmpty()) {
			return Optional.empty();
		}
		List<CohortView.Member> members = this.jdbc
			.sql("""
					SELECT t.id, t.county_code, t.name, t.phone, t.entrepreneur_id,
					       (SELECT count(*) FROM training_enrolment e WHERE e.trainee_id = t.id AND e.checked_in_at IS NOT NULL),
					       (SELECT coalesce(sum(c.hours), 0) FROM training_enrolment e
					          JOIN training_session s ON s.id = e.session_id JOIN training_course c ON c.id = s.course_id
					         WHERE e.trainee_id = t.id AND e.checked_in_at IS NOT NULL),
					       (SELECT count(*) FROM training_certificate c WHERE c.trainee_id = t.id)
					FROM training_cohort_member m JOIN training_trainee t ON t.id = m.trainee_id
					WHERE m.cohort_id = ? ORDER BY t.name, t.id""")
			.param(id)
			.query((rs, row) -> new CohortView.Member(
					new TraineeView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
							org.farmgate.registry.PhoneNumber.masked(rs.getString(4)), rs.getObject(5, UUID.class)),
					rs.getInt(6), rs.getBigDecimal(7), rs.getInt(8),
					figures.convertedTrainees().contains(rs.getObject(1, UUID.class))))
			.list();
		return Optional.of(new CohortView(id, cohort.get()[0], cohort.get()[1], members));
	}

	/**
	 * Forms a cohort.
	 * @throws TrainingException when the name is missing, too long or taken
	 */
	public UUID formCohort(SignedInUser user, String name, String description) {
		this.scope.requireManager(user);
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw TrainingException.because("training.error.cohort-name");
		}
		if (description != null && description.length() > 1000) {
			throw TrainingException.because("training.error.too-long");
		}
		int taken = this.jdbc.sql("SELECT count(*) FROM training_cohort WHERE county_code = ? AND name = ?")
			.params(user.scope().countyCode(), name.strip())
			.query(Integer.class)
			.single();
		if (taken > 0) {
			throw TrainingException.because("training.error.cohort-taken");
		}
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO training_cohort (id, county_code, name, description, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, user.scope().countyCode(), name.strip(),
					(description == null || description.isBlank()) ? null : description.strip(),
					Timestamp.from(this.scope.now()))
			.update();
		return id;
	}

	/**
	 * Adds a trainee, by phone number, to a cohort.
	 * @throws TrainingException when no trainee has that number in the county
	 */
	public void addToCohort(SignedInUser user, UUID cohortId, String phone) {
		this.scope.requireManager(user);
		this.jdbc.sql("SELECT id FROM training_cohort WHERE id = ? AND county_code = ?")
			.params(cohortId, user.scope().countyCode())
			.query(UUID.class)
			.optional()
			.orElseThrow(TrainingException::notFound);
		UUID trainee = this.jdbc.sql("SELECT id FROM training_trainee WHERE county_code = ? AND phone = ?")
			.params(user.scope().countyCode(), PhoneNumbers.normalize(phone))
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> TrainingException.because("training.error.no-trainee"));
		this.jdbc.sql("INSERT INTO training_cohort_member (cohort_id, trainee_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(cohortId, trainee)
			.update();
	}

	/** Hours of training attended in the county in a period, for the dashboard. */
	@Transactional(readOnly = true)
	public BigDecimal hours(SignedInUser user, LocalDate from, LocalDate to) {
		this.scope.requireReader(user);
		return this.jdbc.sql("""
				SELECT coalesce(sum(c.hours), 0) FROM training_enrolment e
				JOIN training_session s ON s.id = e.session_id JOIN training_course c ON c.id = s.course_id
				WHERE e.county_code = ? AND e.checked_in_at IS NOT NULL AND s.starts_at >= ? AND s.starts_at < ?""")
			.params(user.scope().countyCode(), SessionManagement.instant(from.atStartOfDay()),
					SessionManagement.instant(to.plusDays(1).atStartOfDay()))
			.query(BigDecimal.class)
			.single();
	}

}
