package fr.referentia.framework;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ItemRepository extends JpaRepository<FrameworkItem, Long> {

    @Query("select i from FrameworkItem i left join fetch i.parent where i.framework = :framework order by i.id")
    List<FrameworkItem> findAllOf(Framework framework);

    long countByFramework(Framework framework);

    Optional<FrameworkItem> findByFrameworkAndCode(Framework framework, String code);

    @Query("select i.type, count(i) from FrameworkItem i where i.framework = :framework group by i.type")
    List<Object[]> countByType(Framework framework);
}
