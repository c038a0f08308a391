package org.farmgate.accounts;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.web.WebAttributes;

/**
 * The sign-in page; in demo mode it lists the demo accounts.
 */
@Controller
class LoginController {

	private final DemoAccounts demoAccounts;

	LoginController(DemoAccounts demoAccounts) {
		this.demoAccounts = demoAccounts;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
		if (error != null) {
			Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			// one message for a wrong password, an unknown user and a disabled account
			model.addAttribute("loginError", (failure instanceof LoginThrottledException) ? "login.error.throttled"
					: "login.error.bad-credentials");
		}
		model.addAttribute("demoAccounts", this.demoAccounts.enabled() ? DemoAccounts.USERNAMES : java.util.List.of());
		model.addAttribute("demoPassword", DemoAccounts.PASSWORD);
		return "accounts/login";
	}

}
