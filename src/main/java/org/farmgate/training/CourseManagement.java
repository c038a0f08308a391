package org.farmgate.training;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.AccountView;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.uploads.UploadSize;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's courses: what they teach, at which level, for how many hours, by which
 * trainers, with the files handed out.
 */
@Service
@Transactional
public class CourseManagement {

	private final JdbcClient jdbc;

	private final TrainingScope scope;

	private final AccountManagement accounts;

	CourseManagement(JdbcClient jdbc, TrainingScope scope, AccountManagement accounts) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.accounts = accounts;
	}

	@Transactional(readOnly = true)
	public List<CourseView> courses(SignedInUser user) {
		this.scope.requireReader(user);
		List<CourseView> courses = this.jdbc
			.sql("SELECT id, title, topic, level, hours, description, trainers FROM training_course"
					+ " WHERE county_code = ? ORDER BY title, id")
			.param(user.scope().countyCode())
			.query((rs, row) -> course(rs, List.of()))
			.list();
		return courses;
	}

	@Transactional(readOnly = true)
	public Optional<CourseView> course(SignedInUser user, UUID id) {
		this.scope.requireReader(user);
		return this.jdbc
			.sql("SELECT id, title, topic, level, hours, description, trainers FROM training_course"
					+ " WHERE id = ? AND county_code = ?")
			.params(id, user.scope().countyCode())
			.query((rs, row) -> course(rs, materials(id)))
			.optional();
	}

	/** The trainer accounts of the user's county, to choose from. */
	@Transactional(readOnly = true)
	public List<AccountView> trainers(SignedInUser user) {
		this.scope.requireReader(user);
		return this.accounts.accounts()
			.stream()
			.filter(account -> account.role() == Role.TRAINER && account.enabled()
					&& account.scope().countyCode().equals(user.scope().countyCode()))
			.toList();
	}

	/**
	 * Adds a course.
	 * @throws TrainingException saying what to fix
	 */
	public CourseView add(SignedInUser user, CourseInput input) {
		this.scope.requireManager(user);
		List<String> trainers = check(user, input);
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO training_course (id, county_code, title, topic, level, hours, description, trainers, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, user.scope().countyCode(), input.title().strip(), input.topic().name(), input.level().name(),
					input.hours(), blankToNull(input.description()), String.join(",", trainers),
					Timestamp.from(this.scope.now()))
			.update();
		return course(user, id).orElseThrow();
	}

	/**
	 * Changes a course.
	 * @throws TrainingException saying what to fix
	 */
	public CourseView change(SignedInUser user, UUID id, CourseInput input) {
		this.scope.requireManager(user);
		course(user, id).orElseThrow(TrainingException::notFound);
		List<String> trainers = check(user, input);
		this.jdbc.sql("""
				UPDATE training_course SET title = ?, topic = ?, level = ?, hours = ?, description = ?, trainers = ?,
				       version = version + 1
				WHERE id = ?""")
			.params(input.title().strip(), input.topic().name(), input.level().name(), input.hours(),
					blankToNull(input.description()), String.join(",", trainers), id)
			.update();
		return course(user, id).orElseThrow();
	}

	/**
	 * Adds a file to a course (at most {@link UploadSize#MAX_BYTES}).
	 * @throws TrainingException when it is empty, too large or has no name
	 */
	public MaterialView addMaterial(SignedInUser user, UUID courseId, String name, String contentType, byte[] bytes) {
		this.scope.requireManager(user);
		course(user, courseId).orElseThrow(TrainingException::notFound);
		if (bytes == null || bytes.length == 0) {
			throw TrainingException.because("training.error.material-empty");
		}
		if (bytes.length > UploadSize.MAX_BYTES) {
			throw TrainingException.because("training.error.material-too-large");
		}
		String plain = (name == null || name.isBlank()) ? "material" : name.replaceAll("[\\r\\n\\t/\\\\]", " ").strip();
		if (plain.length() > 200) {
			plain = plain.substring(plain.length() - 200);
		}
		String type = (contentType == null || contentType.isBlank() || contentType.length() > 100)
				? "application/octet-stream" : contentType;
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO training_material (id, course_id, name, content_type, size_bytes, content, uploaded_by, uploaded_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, courseId, plain, type, bytes.length, bytes, user.getUsername(),
					Timestamp.from(this.scope.now()))
			.update();
		return materials(courseId).stream().filter(material -> material.id().equals(id)).findFirst().orElseThrow();
	}

	/** A material's name, type and bytes, when its course is the user's county's. */
	@Transactional(readOnly = true)
	public Optional<Material> material(SignedInUser user, UUID courseId, UUID materialId) {
		this.scope.requireReader(user);
		return this.jdbc.sql("""
				SELECT m.name, m.content_type, m.content FROM training_material m
				JOIN training_course c ON c.id = m.course_id
				WHERE m.id = ? AND m.course_id = ? AND c.county_code = ?""")
			.params(materialId, courseId, user.scope().countyCode())
			.query((rs, row) -> new Material(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	/** A material's file. */
	public record Material(String name, String contentType, byte[] content) {
	}

	/** Course titles by id, for lists. */
	@Transactional(readOnly = true)
	public Map<UUID, CourseView> byId(SignedInUser user) {
		Map<UUID, CourseView> all = new HashMap<>();
		courses(user).forEach(course -> all.put(course.id(), course));
		return all;
	}

	private List<MaterialView> materials(UUID courseId) {
		return this.jdbc.sql("""
				SELECT id, name, content_type, size_bytes, uploaded_by, uploaded_at FROM training_material
				WHERE course_id = ? ORDER BY uploaded_at, id""")
			.param(courseId)
			.query((rs, row) -> new MaterialView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	private List<String> check(SignedInUser user, CourseInput input) {
		if (input.title() == null || input.title().isBlank() || input.title().strip().length() > 120) {
			throw TrainingException.because("training.error.title");
		}
		if (input.topic() == null) {
			throw TrainingException.because("training.error.topic");
		}
		if (input.level() == null) {
			throw TrainingException.because("training.error.level");
		}
		if (input.hours() == null || input.hours().signum() <= 0 || input.hours().scale() > 1
				|| input.hours().compareTo(BigDecimal.valueOf(1000)) >= 0) {
			throw TrainingException.because("training.error.hours");
		}
		if (input.description() != null && input.description().length() > 2000) {
			throw TrainingException.because("training.error.too-long");
		}
		List<String> known = trainers(user).stream().map(AccountView::username).toList();
		List<String> trainers = new ArrayList<>();
		for (String trainer : (input.trainers() != null) ? input.trainers() : List.<String>of()) {
			if (trainer == null || trainer.isBlank()) {
				continue;
			}
			if (!known.contains(trainer.strip())) {
				throw TrainingException.because("training.error.trainer", trainer.strip());
			}
			if (!trainers.contains(trainer.strip())) {
				trainers.add(trainer.strip());
			}
		}
		if (String.join(",", trainers).length() > 2000) {
			throw TrainingException.because("training.error.too-long");
		}
		return trainers;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static CourseView course(java.sql.ResultSet rs, List<MaterialView> materials) throws java.sql.SQLException {
		String trainers = rs.getString(7);
		return new CourseView(rs.getObject(1, UUID.class), rs.getString(2), Topic.valueOf(rs.getString(3)),
				Level.valueOf(rs.getString(4)), rs.getBigDecimal(5), rs.getString(6),
				(trainers == null || trainers.isEmpty()) ? List.of() : Arrays.asList(trainers.split(",")), materials);
	}

}
