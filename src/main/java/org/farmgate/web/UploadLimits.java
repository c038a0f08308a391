package org.farmgate.web;

import java.net.URI;

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
		String referer = request.getHeader("Referer");
		if (referer != null) {
			try {
				String path = URI.create(referer).getRawPath();
				if (path != null && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")) {
					return "redirect:" + path;
				}
			}
			catch (IllegalArgumentException ex) {
				// a malformed Referer: the home page
			}
		}
		return "redirect:/";
	}

}
