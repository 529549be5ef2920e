package fr.referentia.account;

import fr.referentia.account.mail.MailMessage;
import java.util.List;

/** Messages carrying new links, to send once the transaction that created the links has committed. */
record LinkMails(List<MailMessage> messages) {
}
