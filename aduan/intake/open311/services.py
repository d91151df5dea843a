"""Our taxonomy as Open311 services.

Each active topic is a service (service_code = topic code, e.g. `bpnt-3`, group = program name).
Each program is a service too (service_code = program code, e.g. `bpnt`): the complaints that
arrive without a topic (SMS, email) need a service_code, and a client that cannot tell the topic
files under the program.
"""

from dataclasses import dataclass

from aduan.taxonomy.models import CategoryType, Program, Topic

GENERAL = "{program}: pengaduan umum (topik ditentukan petugas)"
TYPE = "realtime"


@dataclass(frozen=True)
class Service:
    program: Program
    topic: Topic | None

    @property
    def code(self) -> str:
        return self.topic.code if self.topic else self.program.code


def find_service(code: str) -> Service | None:
    topic = Topic.objects.filter(code=code, is_active=True, program__is_active=True).select_related("program").first()
    if topic:
        return Service(topic.program, topic)
    program = Program.objects.filter(code=code, is_active=True).first()
    return Service(program, None) if program else None


def service_dict(program: Program, topic: Topic | None) -> dict:
    if topic is None:
        return {
            "service_code": program.code, "service_name": program.name,
            "description": GENERAL.format(program=program.name), "metadata": True, "type": TYPE,
            "keywords": ", ".join(filter(None, [program.code, program.sms_keyword.lower()])), "group": program.name,
        }
    return {
        "service_code": topic.code, "service_name": topic.name,
        "description": f"{program.name} {topic.number}. {topic.name}", "metadata": True, "type": TYPE,
        "keywords": ", ".join(filter(None, [program.code, program.sms_keyword.lower(), topic.get_authority_display()])),
        "group": program.name,
    }


def services_list() -> list[dict]:
    rows = []
    topics = Topic.objects.filter(is_active=True).order_by("program_id", "number")
    by_program: dict[int, list[Topic]] = {}
    for topic in topics:
        by_program.setdefault(topic.program_id, []).append(topic)
    for program in Program.objects.filter(is_active=True):
        rows.append(service_dict(program, None))
        rows.extend(service_dict(program, topic) for topic in by_program.get(program.pk, []))
    return rows


def _attribute(order: int, code: str, description: str, datatype: str = "string", values=None, hint=None) -> dict:
    attribute = {
        "variable": True, "code": code, "datatype": datatype, "required": False,
        "datatype_description": hint, "order": order, "description": description,
    }
    if values is not None:
        attribute["values"] = [{"key": key, "name": name} for key, name in values]
    return attribute


def definition_dict(service: Service) -> dict:
    """Attributes a client may send as attribute[code]=value when it files a request."""
    if service.topic:
        types = list(service.topic.category_types.all())
    else:
        types = list(CategoryType.objects.all())
    return {
        "service_code": service.code,
        "attributes": [
            _attribute(1, "location_code", "Kode wilayah Kemendagri desa/kelurahan tempat masalah terjadi.",
                       hint="Kode bertitik, mis. 35.06.10.2005 (lihat /api/v1/regions)."),
            _attribute(2, "kks", "Nomor Kartu Keluarga Sejahtera (KKS) penerima manfaat, bila ada.", hint="16 angka."),
            _attribute(3, "nik", "NIK pelapor, bila ada.", hint="16 angka."),
            _attribute(4, "category_type", "Jenis pengaduan.", datatype="singlevaluelist",
                       values=[(t.code, t.name) for t in types]),
            _attribute(5, "confidential", "Rahasiakan identitas pelapor dari publik dan dari unit lain.",
                       datatype="singlevaluelist", values=[("true", "Ya, rahasiakan"), ("false", "Tidak")]),
        ],
    }
