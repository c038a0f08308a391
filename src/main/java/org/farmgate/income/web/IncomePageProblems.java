package org.farmgate.income.web;

import jakarta.servlet.http.HttpServletRequest;
import org.farmgate.web.LocalPath;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Two clerks changing the same record at once, or a change the database's constraints
 * refuse that the checks did not foresee, on an income page: back to the page with a
 * message, never a server error.
 */
@ControllerAdvice(assignableTypes = { ProcurementPagesController.class, IncomePagesController.class })
class IncomePageProblems {

	@ExceptionHandler({ org.springframework.dao.DataIntegrityViolationException.class,
			org.springframework.dao.OptimisticLockingFailureException.class,
			org.springframework.dao.PessimisticLockingFailureException.class,
			org.springframework.data.relational.core.conversion.DbActionExecutionException.class })
	String conflict(HttpServletRequest request, RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", "income.error.conflict");
		return "redirect:" + LocalPath.ofReferer(request, "/income/procurements");
	}

}
