package cn.qualityportal.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One parent of a document and how it relates. */
@Embeddable
record ParentLink(@Column(name = "parent_id") Long parentId,
		@Enumerated(EnumType.STRING) @Column(name = "relation") LineageRelation relation) {

}
