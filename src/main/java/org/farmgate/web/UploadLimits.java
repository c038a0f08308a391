package org.farmgate.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A file larger than uploads allow: back to the form with a message, not a bare 413.
 */
@ControllerAdvice
class UploadLimits {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(HttpServletRequest request, RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", "upload.too-large");
		return "redirect:" + LocalPath.ofReferer(request, "/");
	}

}
