"""The pages of issue 11's handling: the queue's tabs and announcements, assignment, PKH stages and
extensions, and the district's answer to R20's announcement — each through the real forms."""

from django.contrib.auth import get_user_model

from aduan.core.actions import complaint_dispose, complaint_escalate
from aduan.core.enums import DistrictAnswer, EventKind
from aduan.core.models import Complaint, Event
from aduan.organisation.models import Membership, Role


def page_of(complaint) -> str:
    return f"/petugas/aduan/{complaint.tracking_number}/"


def listed(response) -> set[str]:
    return {row["tracking_number"] for row in response.context["rows"]}


def test_the_queue_separates_what_the_unit_holds_from_what_it_sent_elsewhere(sign_in, people, world, file_complaint):
    held = complaint_dispose(complaint=file_complaint(), actor=people["admin"], to_unit=world["dinsos-35-06"])
    sent = complaint_dispose(complaint=file_complaint(), actor=people["admin"], to_unit=world["dinsos-35-06"])
    complaint_escalate(complaint=sent, actor=people["kediri"], reason="Perlu keputusan provinsi.")
    client = sign_in(people["kediri"])

    here = client.get("/petugas/")
    assert listed(here) == {held.tracking_number}
    elsewhere = client.get("/petugas/?tempat=lain")
    assert sent.tracking_number in listed(elsewhere) and held.tracking_number not in listed(elsewhere)
    assert "hanya dapat dibaca" in elsewhere.content.decode()
    assert listed(client.get("/petugas/?tempat=semua")) >= {held.tracking_number, sent.tracking_number}
    # The national door starts with everything.
    assert listed(sign_in(people["admin"]).get("/petugas/")) >= {held.tracking_number, sent.tracking_number}


def test_the_head_assigns_from_the_page_and_the_officer_finds_it_under_mine(client, people, world, file_complaint):
    User = get_user_model()
    budi = User.objects.create_user("budi", first_name="Budi", last_name="Back Office")
    Membership.objects.create(user=budi, unit=world["dinsos-35-06"], role=Role.BACK_OFFICE)
    complaint = complaint_dispose(complaint=file_complaint(), actor=people["admin"], to_unit=world["dinsos-35-06"])
    other = complaint_dispose(complaint=file_complaint(), actor=people["admin"], to_unit=world["dinsos-35-06"])

    client.force_login(people["kediri"])
    page = client.get(page_of(complaint)).content.decode()
    assert "Budi Back Office" in page and "Eko Front Office" not in page.split('id="aksi-tugaskan"')[1].split("</details>")[0]
    response = client.post(page_of(complaint) + "tugaskan/", {"tugaskan-officer": budi.pk, "tugaskan-note": "Segera."})
    assert response.status_code == 302

    client.force_login(budi)
    queue = client.get("/petugas/")
    assert queue.context["mine_open"] == 1
    assert listed(client.get("/petugas/?mine=on")) == {complaint.tracking_number}
    assert other.tracking_number in listed(queue)
    assert "Ditugaskan" in client.get(page_of(complaint)).content.decode()


def test_a_front_office_officer_may_not_assign(client, people, world, file_complaint):
    complaint = complaint_dispose(complaint=file_complaint(), actor=people["admin"], to_unit=world["dinsos-35-06"])
    client.force_login(people["kediri_fo"])
    assert client.post(page_of(complaint) + "tugaskan/", {"tugaskan-officer": people["kediri"].pk}).status_code == 403


def test_pkh_stages_are_listed_done_by_hand_and_extended_from_the_page(client, people, world, file_complaint):
    complaint = file_complaint(program="pkh", topic="pkh-2")
    client.force_login(people["admin"])
    page = client.get(page_of(complaint)).content.decode()
    assert "Dokumentasi, analisis dan klarifikasi" in page and 'id="aksi-perpanjang"' in page

    assert client.post(page_of(complaint) + "tahap/", {"tahap-order": "1"}).status_code == 302
    assert complaint.stages.get(order=1).done_at is not None

    before = complaint.due_at
    response = client.post(page_of(complaint) + "perpanjang/", {"perpanjang-extension": "data_induk"})
    assert response.status_code == 400 and "Wajib diisi" in response.content.decode()
    response = client.post(page_of(complaint) + "perpanjang/",
                           {"perpanjang-extension": "data_induk", "perpanjang-reason": "Perbaikan data induk."})
    assert response.status_code == 302
    assert Complaint.objects.get(pk=complaint.pk).due_at > before
    assert "diperpanjang" in client.get(page_of(complaint)).content.decode()


def test_the_extension_form_is_not_offered_for_food_aid(client, people, file_complaint):
    client.force_login(people["admin"])
    assert 'id="aksi-perpanjang"' not in client.get(page_of(file_complaint())).content.decode()


def test_the_district_answers_the_announcement_from_its_queue_and_the_centre_reads_it(client, people, world,
                                                                                       file_complaint):
    central = file_complaint(channel="web")
    own = file_complaint(channel="tatap_muka")
    Complaint.objects.filter(pk=own.pk).update(receiving_unit=world["dinsos-35-06"], announced_to=None)
    client.force_login(people["kediri_fo"])

    queue = client.get("/petugas/")
    assert [r["tracking_number"] for r in queue.context["announcements"]["rows"]] == [central.tracking_number]
    assert "Pemberitahuan dari pusat" in queue.content.decode()
    response = client.post(page_of(central) + "jawab-pemberitahuan/", {
        "jawab-pemberitahuan-answer": DistrictAnswer.ALSO_RECEIVED, "jawab-pemberitahuan-own_number": own.tracking_number})
    assert response.status_code == 302
    assert client.get("/petugas/").context["announcements"]["rows"] == []

    client.force_login(people["admin"])
    page = client.get(page_of(central)).content.decode()
    assert "Juga diterima di sini" in page and own.tracking_number in page
    assert Event.objects.filter(complaint=own, kind=EventKind.LINKED).exists()


def test_a_wrong_own_number_keeps_the_answer_typed(client, people, file_complaint):
    central = file_complaint(channel="web")
    client.force_login(people["kediri_fo"])
    response = client.post(page_of(central) + "jawab-pemberitahuan/", {
        "jawab-pemberitahuan-answer": DistrictAnswer.ALSO_RECEIVED, "jawab-pemberitahuan-own_number": "ZZZZZ-99999"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "tidak ditemukan" in body and 'value="ZZZZZ-99999"' in body
