package fr.referentia.account;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** French labels of audit codes ({@code audit.action.*}, {@code audit.object.*}); an unknown code reads as itself. */
@Component
public class AuditLabels {

    private final MessageSource messages;

    AuditLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String action(String code) {
        return messages.getMessage("audit.action." + code, null, code, LocaleContextHolder.getLocale());
    }

    public String objectType(String code) {
        return messages.getMessage("audit.object." + code, null, code, LocaleContextHolder.getLocale());
    }
}
