package org.farmgate.web;

/**
 * A request a module refused, saying why: a message-bundle key and its arguments. The
 * modules' exceptions carry it so that one page mechanism ({@link FormSubmission}) and
 * one API answer ({@link ProblemDetails}) serve them all.
 */
public interface Refusal {

	String messageKey();

	Object[] arguments();

}
