package org.farmgate.registry;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import of households, organisations, entrepreneurs and shops from CSV or XLSX. A
 * preview runs every row through the same rules as the pages and the API, each row in a
 * savepoint, and rolls everything back: it lists every row's problems by line and column.
 * Applying runs the rows again and keeps the good ones. Rows are matched on their natural
 * keys (ID number, credit code, platform and shop id, name and phone), so importing the
 * same file twice changes nothing the second time.
 */
@Service
public class RegistryImport {

	private final HouseholdManagement households;

	private final RegistryManagement registry;

	private final EntrepreneurManagement entrepreneurs;

	private final HouseholdRepository householdRows;

	private final OrganisationRepository organisationRows;

	private final ShopRepository shopRows;

	private final EntrepreneurRepository entrepreneurRows;

	private final TransactionTemplate outer;

	private final TransactionTemplate savepoint;

	private final RegistryEvents events;

	RegistryImport(HouseholdManagement households, RegistryManagement registry, EntrepreneurManagement entrepreneurs,
			HouseholdRepository householdRows, OrganisationRepository organisationRows, ShopRepository shopRows,
			EntrepreneurRepository entrepreneurRows, PlatformTransactionManager transactions, RegistryEvents events) {
		this.events = events;
		this.households = households;
		this.registry = registry;
		this.entrepreneurs = entrepreneurs;
		this.householdRows = householdRows;
		this.organisationRows = organisationRows;
		this.shopRows = shopRows;
		this.entrepreneurRows = entrepreneurRows;
		this.outer = new TransactionTemplate(transactions);
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** What a file holds. */
	public enum Kind {

		HOUSEHOLDS(List.of("national_id", "head_name", "members")),
		ORGANISATIONS(List.of("credit_code", "name", "type")), ENTREPRENEURS(List.of("name")),
		SHOPS(List.of("organisation_credit_code", "platform", "platform_shop_id", "name"));

		private final List<String> required;

		Kind(List<String> required) {
			this.required = required;
		}

		public List<String> required() {
			return this.required;
		}

	}

	/** What importing a row does. */
	public enum Action {

		CREATE, UPDATE, UNCHANGED, REFUSED

	}

	/** A problem of a row, in a column when one is to blame. */
	public record Problem(String column, String messageKey) {
	}

	/** A row of the file and what importing it does. */
	public record Row(int line, Action action, List<Problem> problems) {
	}

	/** The preview of a file. */
	public record Preview(UUID id, Kind kind, String countyCode, String fileName, byte[] content, List<Row> rows,
			String fileProblem) {

		public long count(Action action) {
			return this.rows.stream().filter(row -> row.action() == action).count();
		}

		public long created() {
			return count(Action.CREATE);
		}

		public long updated() {
			return count(Action.UPDATE);
		}

		public long unchanged() {
			return count(Action.UNCHANGED);
		}

		public long refused() {
			return count(Action.REFUSED);
		}

	}

	public Preview preview(SignedInUser user, Kind kind, String fileName, byte[] content) {
		return run(user, kind, fileName, content, false);
	}

	/** Imports the good rows of the file previewed; returns the rows it changed. */
	public int apply(SignedInUser user, Preview preview) {
		Preview applied = run(user, preview.kind(), preview.fileName(), preview.content(), true);
		return (int) (applied.count(Action.CREATE) + applied.count(Action.UPDATE));
	}

	private Preview run(SignedInUser user, Kind kind, String fileName, byte[] content, boolean keep) {
		UUID id = UUID.randomUUID();
		String county = user.scope().countyCode();
		List<RegistryFile.Line> lines;
		try {
			lines = RegistryFile.read(fileName, content);
		}
		catch (IOException ex) {
			return new Preview(id, kind, county, fileName, content, List.of(), "registry.import.error.unreadable");
		}
		catch (IllegalStateException ex) {
			return new Preview(id, kind, county, fileName, content, List.of(), "registry.import.error.too-many");
		}
		if (lines.isEmpty()) {
			return new Preview(id, kind, county, fileName, content, List.of(), "registry.import.error.empty");
		}
		Map<String, String> first = lines.get(0).cells();
		for (String column : kind.required()) {
			if (header(first, column) == null) {
				return new Preview(id, kind, county, fileName, content, List.of(), "registry.import.error.columns");
			}
		}
		List<Row> rows = this.outer.execute((status) -> {
			List<Row> result = new ArrayList<>(lines.size());
			for (RegistryFile.Line line : lines) {
				result.add(row(user, kind, line));
			}
			if (!keep) {
				status.setRollbackOnly();
			}
			return result;
		});
		return new Preview(id, kind, county, fileName, content, rows, null);
	}

	private Row row(SignedInUser user, Kind kind, RegistryFile.Line line) {
		Cells cells = new Cells(line.cells());
		for (Map.Entry<String, String> cell : line.cells().entrySet()) {
			if (RegistryFile.looksLikeFormula(cell.getValue())) {
				cells.problems.add(new Problem(cell.getKey(), "registry.import.error.formula"));
			}
		}
		if (!cells.problems.isEmpty()) {
			return new Row(line.number(), Action.REFUSED, List.copyOf(cells.problems));
		}
		boolean kept = false;
		this.events.hold();
		try {
			Action action = this.savepoint.execute((status) -> {
				Action done = switch (kind) {
					case HOUSEHOLDS -> household(user, cells);
					case ORGANISATIONS -> organisation(user, cells);
					case ENTREPRENEURS -> entrepreneur(user, cells);
					case SHOPS -> shop(user, cells);
				};
				if (!cells.problems.isEmpty() || done == Action.UNCHANGED) {
					status.setRollbackOnly();
				}
				return done;
			});
			kept = cells.problems.isEmpty() && action != Action.UNCHANGED;
			return cells.problems.isEmpty() ? new Row(line.number(), action, List.of())
					: new Row(line.number(), Action.REFUSED, List.copyOf(cells.problems));
		}
		catch (RegistryException ex) {
			cells.problems.add(new Problem(columnOf(ex.messageKey()), ex.messageKey()));
		}
		catch (AccessDeniedException ex) {
			cells.problems.add(new Problem(null, "registry.import.error.not-allowed"));
		}
		finally {
			// a preview's rows are rolled back with the whole import: its events with it
			this.events.release(kept);
		}
		return new Row(line.number(), Action.REFUSED, List.copyOf(cells.problems));
	}

	private Action household(SignedInUser user, Cells cells) {
		HouseholdInput input = new HouseholdInput(cells.text("head_name"), cells.number("members"), null,
				cells.text("phone"), cells.text("national_id"), cells.flag("disadvantaged"),
				cells.number("disadvantaged_since"), cells.number("disadvantaged_lifted"),
				cells.money("baseline_income"));
		if (!cells.problems.isEmpty()) {
			return Action.REFUSED;
		}
		String nationalId = (input.nationalId() != null) ? NationalId.normalize(input.nationalId()) : "";
		Optional<Household> existing = this.householdRows.findByNationalId(nationalId);
		HouseholdView before = existing.map(Household::toView).orElse(null);
		HouseholdView after = (before != null) ? this.households.update(user, before.id(), input)
				: this.households.register(user, input);
		String organisationCode = cells.text("organisation_credit_code");
		if (organisationCode != null && !organisationCode.isBlank()) {
			Organisation organisation = this.organisationRows.findByCreditCode(CreditCode.normalize(organisationCode))
				.orElseThrow(() -> RegistryException.because("registry.import.error.organisation"));
			if (!after.organisationIds().contains(organisation.id())) {
				after = this.households.join(user, after.id(), organisation.id());
			}
		}
		return outcome(before, after);
	}

	private Action organisation(SignedInUser user, Cells cells) {
		OrganisationInput input = new OrganisationInput(
				cells.choice("type", OrganisationType.class,
						Map.of("合作社", "COOPERATIVE", "协会", "ASSOCIATION", "企业", "COMPANY", "公司", "COMPANY", "个体工商户",
								"INDIVIDUAL_BUSINESS")),
				cells.text("name"), Objects.requireNonNullElse(cells.text("credit_code"), ""),
				cells.text("legal_representative"), cells.text("address"), cells.date("founded_on"),
				cells.choice("sales_model", SalesModel.class, Map.of()));
		if (!cells.problems.isEmpty()) {
			return Action.REFUSED;
		}
		Optional<Organisation> existing = this.organisationRows
			.findByCreditCode(CreditCode.normalize(input.creditCode()));
		OrganisationView before = existing.map(Organisation::toView).orElse(null);
		OrganisationView after = (before != null) ? this.registry.updateOrganisation(user, before.id(), input)
				: this.registry.registerOrganisation(user, input);
		return outcome(before, after);
	}

	private Action entrepreneur(SignedInUser user, Cells cells) {
		String organisationCode = cells.text("organisation_credit_code");
		UUID organisationId = null;
		if (organisationCode != null && !organisationCode.isBlank()) {
			organisationId = this.organisationRows.findByCreditCode(CreditCode.normalize(organisationCode))
				.map(Organisation::id)
				.orElseThrow(() -> RegistryException.because("registry.import.error.organisation"));
		}
		EntrepreneurInput input = new EntrepreneurInput(cells.text("name"), cells.text("phone"),
				cells.choice("gender", Gender.class, Map.of("男", "MALE", "女", "FEMALE")), cells.number("birth_year"),
				null, organisationId, cells.date("selling_since"));
		if (!cells.problems.isEmpty()) {
			return Action.REFUSED;
		}
		String name = (input.name() != null) ? input.name().strip() : "";
		// the natural key: same name and same phone, among the people the caller may see
		String phone = blankToNull(input.phone());
		EntrepreneurView before = this.entrepreneurRows.findByCountyAndName(user.scope().countyCode(), name)
			.stream()
			.filter(candidate -> Objects.equals(candidate.phone(), phone))
			.map(candidate -> this.entrepreneurs.entrepreneur(user, candidate.id()))
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(null);
		EntrepreneurView after = (before != null) ? this.entrepreneurs.update(user, before.id(), input)
				: this.entrepreneurs.register(user, input);
		return outcome(before, after);
	}

	private Action shop(SignedInUser user, Cells cells) {
		Platform platform = cells.choice("platform", Platform.class,
				Map.of("淘宝", "TAOBAO", "天猫", "TMALL", "京东", "JD", "苏宁", "SUNING", "拼多多", "PINDUODUO", "抖音", "DOUYIN"));
		LocalDate openedOn = cells.date("opened_on");
		if (!cells.problems.isEmpty()) {
			return Action.REFUSED;
		}
		String code = Objects.requireNonNullElse(cells.text("organisation_credit_code"), "");
		Organisation organisation = this.organisationRows.findByCreditCode(CreditCode.normalize(code))
			.orElseThrow(() -> RegistryException.because("registry.import.error.organisation"));
		String platformShopId = Objects.requireNonNullElse(cells.text("platform_shop_id"), "").strip();
		if (platform != null) {
			Optional<Shop> existing = this.shopRows.findByPlatformShopId(platform.name(), platformShopId);
			if (existing.isPresent()) {
				if (!existing.get().organisationId().equals(organisation.id())
						|| this.registry.shop(user, existing.get().id()).isEmpty()) {
					throw RegistryException.because("registry.error.shop-exists");
				}
				return Action.UNCHANGED;
			}
		}
		this.registry.openShop(user, new ShopInput(organisation.id(), platform, cells.text("name"), platformShopId,
				cells.text("url"), openedOn));
		return Action.CREATE;
	}

	private static Action outcome(Object before, Object after) {
		if (before == null) {
			return Action.CREATE;
		}
		return before.equals(after) ? Action.UNCHANGED : Action.UPDATE;
	}

	private static String columnOf(String messageKey) {
		return switch (messageKey) {
			case "registry.error.national-id", "registry.error.national-id-taken" -> "national_id";
			case "registry.error.credit-code", "registry.error.credit-code-taken" -> "credit_code";
			case "registry.error.head-name" -> "head_name";
			case "registry.error.members" -> "members";
			case "registry.error.phone" -> "phone";
			case "registry.error.disadvantaged-years" -> "disadvantaged_since";
			case "registry.error.income" -> "baseline_income";
			case "registry.error.person-name", "registry.error.organisation-fields" -> "name";
			case "registry.error.birth-year" -> "birth_year";
			case "registry.error.shop-exists" -> "platform_shop_id";
			case "registry.import.error.organisation", "registry.error.not-approved" -> "organisation_credit_code";
			case "registry.error.url" -> "url";
			default -> null;
		};
	}

	private static String header(Map<String, String> cells, String column) {
		for (String candidate : aliases(column)) {
			if (cells.containsKey(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	/** A column's English name and its Chinese names. */
	static List<String> aliases(String column) {
		return switch (column) {
			case "national_id" -> List.of("national_id", "身份证号", "身份证号码");
			case "head_name" -> List.of("head_name", "户主", "户主姓名");
			case "members" -> List.of("members", "家庭人口", "人口");
			case "phone" -> List.of("phone", "电话", "手机");
			case "disadvantaged" -> List.of("disadvantaged", "脱贫户");
			case "disadvantaged_since" -> List.of("disadvantaged_since", "建档年份");
			case "disadvantaged_lifted" -> List.of("disadvantaged_lifted", "脱贫年份");
			case "baseline_income" -> List.of("baseline_income", "基准年收入");
			case "organisation_credit_code" -> List.of("organisation_credit_code", "所属组织信用代码");
			case "credit_code" -> List.of("credit_code", "统一社会信用代码");
			case "name" -> List.of("name", "名称", "姓名", "店名");
			case "type" -> List.of("type", "类型");
			case "legal_representative" -> List.of("legal_representative", "法定代表人");
			case "address" -> List.of("address", "地址");
			case "founded_on" -> List.of("founded_on", "成立日期");
			case "sales_model" -> List.of("sales_model", "销售模式");
			case "gender" -> List.of("gender", "性别");
			case "birth_year" -> List.of("birth_year", "出生年份");
			case "selling_since" -> List.of("selling_since", "开始网销日期");
			case "platform" -> List.of("platform", "平台");
			case "platform_shop_id" -> List.of("platform_shop_id", "平台店铺编号");
			case "url" -> List.of("url", "网址");
			case "opened_on" -> List.of("opened_on", "开店日期");
			default -> List.of(column);
		};
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * A row's cells read into values, collecting what cannot be read by column.
	 */
	private static final class Cells {

		private final Map<String, String> cells;

		private final List<Problem> problems = new ArrayList<>();

		Cells(Map<String, String> cells) {
			this.cells = cells;
		}

		String text(String column) {
			String header = header(this.cells, column);
			return (header != null) ? blankToNull(this.cells.get(header)) : null;
		}

		Integer number(String column) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			try {
				return new BigDecimal(value).intValueExact();
			}
			catch (ArithmeticException | NumberFormatException ex) {
				this.problems.add(new Problem(column, "registry.import.error.number"));
				return null;
			}
		}

		BigDecimal money(String column) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			try {
				return new BigDecimal(value).setScale(2, RoundingMode.UNNECESSARY);
			}
			catch (ArithmeticException | NumberFormatException ex) {
				this.problems.add(new Problem(column, "registry.import.error.number"));
				return null;
			}
		}

		Boolean flag(String column) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			return switch (value.toLowerCase(Locale.ROOT)) {
				case "是", "true", "yes", "1" -> Boolean.TRUE;
				case "否", "false", "no", "0" -> Boolean.FALSE;
				default -> {
					this.problems.add(new Problem(column, "registry.import.error.flag"));
					yield null;
				}
			};
		}

		LocalDate date(String column) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			try {
				return LocalDate.parse(value.replace('/', '-'));
			}
			catch (DateTimeParseException ex) {
				this.problems.add(new Problem(column, "registry.import.error.date"));
				return null;
			}
		}

		<E extends Enum<E>> E choice(String column, Class<E> type, Map<String, String> localNames) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			String name = localNames.getOrDefault(value, value.toUpperCase(Locale.ROOT));
			try {
				return Enum.valueOf(type, name);
			}
			catch (IllegalArgumentException ex) {
				this.problems.add(new Problem(column, "registry.import.error.choice"));
				return null;
			}
		}

	}

}
