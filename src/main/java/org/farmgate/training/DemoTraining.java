package org.farmgate.training;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.EntrepreneurManagement;
import org.farmgate.registry.EntrepreneurView;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode, two years of the training centre: courses on every topic, three sessions
 * a week at the centre and in the townships, trainees enrolling (a few cancelling),
 * attendance, scores and certificates on the assessed courses, sessions of the coming
 * weeks (one already full, with a waiting list), the online-marketing specialists'
 * cohort, and the trainees who went on to open a shop within six months (linked to the
 * registry's entrepreneurs of the organisations whose shops opened lately). Written in
 * batches straight into the tables, without events. Fixed seed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 60)
class DemoTraining implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoTraining.class);

	private static final String[][] COURSES = { { "产品展示：拍出好卖的农产品主图", "PRODUCT_PRESENTATION", "BEGINNER", "3" },
			{ "沟通与公关：客服话术和差评处理", "COMMUNICATION_PR", "BEGINNER", "3" },
			{ "市场调研：找到买家在哪里", "MARKET_RESEARCH", "INTERMEDIATE", "6" },
			{ "网络产品开发：从土特产到网货", "ONLINE_PRODUCT_DEVELOPMENT", "INTERMEDIATE", "6" },
			{ "品牌建设：给村里的产品起个好名字", "BRANDING", "INTERMEDIATE", "6" },
			{ "营销策划：节庆和大促活动", "MARKETING_PLANNING", "ADVANCED", "12" }, { "直播带货入门", "LIVE_STREAMING", "BEGINNER", "3" },
			{ "直播带货进阶：选品、脚本与投流", "LIVE_STREAMING", "ADVANCED", "12" },
			{ "网店客服实务", "CUSTOMER_SERVICE", "BEGINNER", "3" }, { "手机拍摄农产品", "PRODUCT_PHOTOGRAPHY", "BEGINNER", "3" },
			{ "网店开店实操（淘宝、拼多多、抖音）", "ONLINE_PRODUCT_DEVELOPMENT", "BEGINNER", "6" },
			{ "网络营销专业人才班课程", "MARKETING_PLANNING", "ADVANCED", "24" } };

	private static final String[] PLACES = { "县电子商务运营中心 201 教室", "县电子商务运营中心直播间", "永靖镇电商服务站", "九庄镇便民服务中心", "小寨坝镇电商服务站",
			"温泉镇文化站" };

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final UserDetailsService users;

	private final RegistryManagement registry;

	private final EntrepreneurManagement entrepreneurs;

	private final Clock clock;

	private final boolean demo;

	private final double scale;

	DemoTraining(JdbcTemplate jdbc, TransactionTemplate transactions, UserDetailsService users,
			RegistryManagement registry, EntrepreneurManagement entrepreneurs, Clock clock,
			@Value("${farmgate.demo:false}") boolean demo, @Value("${farmgate.demo.registry-scale:1.0}") double scale) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.users = users;
		this.registry = registry;
		this.entrepreneurs = entrepreneurs;
		this.clock = clock;
		this.demo = demo;
		this.scale = scale;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo) {
			return;
		}
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		String county = operator.scope().countyCode();
		if (Boolean.TRUE.equals(this.jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM training_course WHERE county_code = ?)", Boolean.class, county))) {
			return;
		}
		long started = System.nanoTime();
		List<ShopView> shops = this.registry.shops(operator);
		List<EntrepreneurView> people = this.entrepreneurs.entrepreneurs(operator);
		int[] counts = this.transactions.execute(status -> write(county, shops, people));
		logger.info("Demo mode: training centre with {} sessions, {} person-times, {} certificates in {} ms", counts[0],
				counts[1], counts[2], (System.nanoTime() - started) / 1_000_000);
	}

	private int[] write(String county, List<ShopView> shops, List<EntrepreneurView> people) {
		Random random = new Random(20261130L);
		LocalDate today = LocalDate.now(this.clock.withZone(TrainingScope.CHINA));
		Timestamp now = Timestamp.from(this.clock.instant());
		// courses
		List<UUID> courses = new ArrayList<>();
		List<Object[]> courseRows = new ArrayList<>();
		for (String[] course : COURSES) {
			UUID id = UUID.randomUUID();
			courses.add(id);
			courseRows.add(new Object[] { id, county, course[0], course[1], course[2], new BigDecimal(course[3]),
					"由县电子商务运营中心开设（示例）。", "trainer", now });
		}
		this.jdbc.batchUpdate(
				"""
						INSERT INTO training_course (id, county_code, title, topic, level, hours, description, trainers, created_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				courseRows);
		// trainees: people of the county with a made-up mobile number
		String[] surnames = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "罗", "宋", "龙", "潘", "韦" };
		String[] given = { "明", "芳", "勇", "丽", "强", "燕", "军", "霞", "涛", "萍", "斌", "娟", "红", "平", "英" };
		int traineeCount = (int) Math.max(60, Math.round(2000 * this.scale));
		List<UUID> trainees = new ArrayList<>();
		List<Object[]> traineeRows = new ArrayList<>();
		for (int t = 0; t < traineeCount; t++) {
			UUID id = UUID.randomUUID();
			trainees.add(id);
			traineeRows.add(new Object[] { id, county,
					surnames[t % surnames.length] + given[(t / 15) % given.length] + given[(t * 7) % given.length],
					String.format("138%08d", 20_000_000 + t * 4_973), now });
		}
		this.jdbc.batchUpdate("""
				INSERT INTO training_trainee (id, county_code, name, phone, created_at) VALUES (?, ?, ?, ?, ?)""",
				traineeRows);
		// sessions: three a week over two years, and the coming six weeks
		List<Object[]> sessionRows = new ArrayList<>();
		List<Object[]> enrolmentRows = new ArrayList<>();
		List<Object[]> certificateRows = new ArrayList<>();
		Map<LocalDate, UUID> pastSessionOn = new java.util.TreeMap<>();
		Map<UUID, Object[]> sessionInfo = new HashMap<>();
		int personTimes = 0;
		LocalDate first = today.minusYears(2).withDayOfMonth(1);
		int perSession = (int) Math.max(6, Math.round(36 * Math.min(1.0, this.scale * 4)));
		for (LocalDate day = first; day.isBefore(today.plusWeeks(6)); day = day.plusDays(1)) {
			int weekday = day.getDayOfWeek().getValue();
			if (weekday != 2 && weekday != 4 && weekday != 6) {
				continue;
			}
			int c = random.nextInt(COURSES.length);
			String[] course = COURSES[c];
			UUID id = UUID.randomUUID();
			LocalDateTime starts = day.atTime((weekday == 6) ? LocalTime.of(14, 0) : LocalTime.of(9, 0));
			LocalDateTime ends = starts.plusHours(Math.min(8, (long) Double.parseDouble(course[3])));
			boolean past = day.isBefore(today);
			int capacity = (c == 6 && !past) ? perSession / 2 : perSession + 10;
			sessionRows.add(new Object[] { id, county, courses.get(c), ts(starts), ts(ends), PLACES[c % PLACES.length],
					capacity, "trainer", token(random), now });
			sessionInfo.put(id, new Object[] { course[0], new BigDecimal(course[3]), day });
			if (past) {
				pastSessionOn.put(day, id);
			}
			// who enrolled: a random handful of the pool, a few cancelled; the coming
			// full
			// session has a waiting list
			int wanted = past ? perSession - random.nextInt(Math.max(1, perSession / 3)) : random.nextInt(perSession);
			if (c == 6 && !past) {
				wanted = capacity + 3;
			}
			Set<Integer> chosen = new HashSet<>();
			int enrolled = 0;
			int queued = 0;
			while (chosen.size() < Math.min(wanted, trainees.size())) {
				chosen.add(random.nextInt(trainees.size()));
			}
			boolean assessed = !course[2].equals("BEGINNER");
			for (int who : chosen) {
				UUID enrolment = UUID.randomUUID();
				boolean cancelled = random.nextInt(20) == 0;
				String status = cancelled ? "CANCELLED" : (enrolled < capacity) ? "ENROLLED" : "WAITING";
				if ("ENROLLED".equals(status)) {
					enrolled++;
				}
				boolean attended = past && "ENROLLED".equals(status) && random.nextInt(100) < 88;
				BigDecimal score = (attended && assessed) ? BigDecimal.valueOf(45 + random.nextInt(54)) : null;
				Timestamp queuedAt = ts(starts.minusDays(3 + random.nextInt(20)).plusMinutes(queued++));
				enrolmentRows.add(new Object[] { enrolment, id, trainees.get(who), county, status, queuedAt,
						(who % 4 == 0) ? "OPERATOR" : "SELF", cancelled ? queuedAt : null,
						attended ? ts(starts.plusMinutes(random.nextInt(20) - 10)) : null,
						attended ? ((who % 3 == 0) ? "TRAINER" : "QR") : null, score });
				if (attended) {
					personTimes++;
				}
				if (score != null && score.compareTo(EnrolmentManagement.PASS_MARK) >= 0) {
					certificateRows.add(new Object[] { EnrolmentManagement.certificateCode(), enrolment,
							trainees.get(who), county, course[0], new BigDecimal(course[3]), score, Date.valueOf(day),
							ts(starts.plusDays(1)), "trainer" });
				}
			}
		}
		// trainees who opened a shop within six months of their first session: people of
		// the organisations whose shops opened lately
		Map<UUID, List<EntrepreneurView>> byOrganisation = new HashMap<>();
		people.forEach(person -> {
			if (person.organisationId() != null) {
				byOrganisation.computeIfAbsent(person.organisationId(), key -> new ArrayList<>()).add(person);
			}
		});
		List<Object[]> linkedTrainees = new ArrayList<>();
		Set<UUID> linkedPeople = new HashSet<>();
		int converts = 0;
		for (ShopView shop : shops) {
			if (shop.openedOn() == null || shop.openedOn().isBefore(first.plusMonths(2))
					|| shop.openedOn().isAfter(today.minusDays(30))) {
				continue;
			}
			for (EntrepreneurView person : byOrganisation.getOrDefault(shop.organisationId(), List.of())) {
				if (!linkedPeople.add(person.id()) || linkedPeople.size() % 3 != 0) {
					continue;
				}
				LocalDate wanted = shop.openedOn().minusDays(30 + random.nextInt(120));
				UUID session = pastSessionOn.entrySet()
					.stream()
					.filter(entry -> !entry.getKey().isAfter(wanted))
					.reduce((a, b) -> b)
					.map(Map.Entry::getValue)
					.orElse(null);
				if (session == null) {
					continue;
				}
				UUID trainee = UUID.randomUUID();
				linkedTrainees.add(new Object[] { trainee, county, person.name(),
						String.format("137%08d", 30_000_000 + converts * 7_919), person.id(), now });
				LocalDate day = (LocalDate) sessionInfo.get(session)[2];
				Timestamp at = ts(day.atTime(9, 5));
				enrolmentRows.add(new Object[] { UUID.randomUUID(), session, trainee, county, "ENROLLED",
						ts(day.minusDays(5).atTime(20, 0)), "SELF", null, at, "QR", null });
				personTimes++;
				converts++;
			}
		}
		this.jdbc.batchUpdate("""
				INSERT INTO training_trainee (id, county_code, name, phone, entrepreneur_id, created_at)
				VALUES (?, ?, ?, ?, ?, ?)""", linkedTrainees);
		this.jdbc.batchUpdate("""
				INSERT INTO training_session (id, county_code, course_id, starts_at, ends_at, place, capacity, trainer,
				                              check_in_token, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", sessionRows);
		this.jdbc.batchUpdate("""
				INSERT INTO training_enrolment (id, session_id, trainee_id, county_code, status, queued_at, enrolled_by,
				                                cancelled_at, checked_in_at, check_in, score)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", enrolmentRows);
		this.jdbc.batchUpdate(
				"""
						INSERT INTO training_certificate (code, enrolment_id, trainee_id, county_code, course_title, hours, score,
						                                  session_date, issued_at, issued_by)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				certificateRows);
		// the online-marketing specialists: the most assiduous trainees
		UUID cohort = UUID.randomUUID();
		this.jdbc.update(
				"INSERT INTO training_cohort (id, county_code, name, description, created_at) VALUES (?, ?, ?, ?, ?)",
				cohort, county, "网络营销专业人才班（" + (today.getYear() - 1) + " 级）", "县电子商务运营中心培养的网络营销专业人才（示例）。", now);
		this.jdbc.update("""
				INSERT INTO training_cohort_member (cohort_id, trainee_id)
				SELECT ?, trainee_id FROM training_enrolment WHERE county_code = ? AND checked_in_at IS NOT NULL
				GROUP BY trainee_id ORDER BY count(*) DESC, trainee_id LIMIT 40""", cohort, county);
		return new int[] { sessionRows.size(), personTimes, certificateRows.size() };
	}

	private static Timestamp ts(LocalDateTime local) {
		return Timestamp.from(local.atZone(TrainingScope.CHINA).toInstant());
	}

	/** Not from the fixed seed: a check-in link must not be guessable, even in a demo. */
	private static String token(Random random) {
		java.security.SecureRandom secure = new java.security.SecureRandom();
		return String.format("%016x%016x", secure.nextLong(), secure.nextLong());
	}

}
