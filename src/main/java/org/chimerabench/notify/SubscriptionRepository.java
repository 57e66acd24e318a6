package org.chimerabench.notify;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriptionRepository extends JpaRepository<Subscription, Long> {

    List<Subscription> findByUsernameOrderByEvent(String username);

    List<Subscription> findByEvent(NoticeKind event);

    void deleteByUsername(String username);
}
